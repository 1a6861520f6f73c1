import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeActor, describeStageNote } from '../../../renderer/src/features/funnel/actor-label';
import {
  describeNextStep,
  formatPhone,
  formatSpan,
  telHref,
} from '../../../renderer/src/features/funnel/work-format';
import { WORK_BUNDLES } from '../../../renderer/src/features/funnel/work-i18n';
import { registerBundles } from '../../../renderer/src/features/jobs/i18n-bundles';
import { createI18n } from '../../../renderer/src/i18n';

const MIN = 60_000;

describe('durations per language', () => {
  it.each([
    [(24 + 9) * 60 * MIN, '1天9小时', '1d 9h'],
    [105 * 24 * 60 * MIN + 14 * 60 * MIN, '105天14小时', '105d 14h'],
    [3 * 60 * MIN + 5 * MIN, '3小时5分', '3h 05m'],
    [2 * 24 * 60 * MIN, '2天', '2d 0h'],
    [12 * MIN, '12分钟', '12m'],
  ])('%i ms reads %s and %s', (ms, zh, en) => {
    expect(formatSpan(ms, 'zh-CN')).toBe(zh);
    expect(formatSpan(-ms, 'en')).toBe(en);
  });
});

describe('phones grouped for display, never rewritten', () => {
  it.each([
    ['198 6246 3722', '198 6246 3722'],
    ['155-7267-0604', '155 7267 0604'],
    ['13800138000', '138 0013 8000'],
    ['０086 138 0013 8000', '+86 138 0013 8000'],
    ['0086 13800138000', '+86 138 0013 8000'],
    ['+86-13800138000', '+86 138 0013 8000'],
    ['１３８００１３８０００', '138 0013 8000'],
    ['+1 (415) 555-0100', '+1 415 555 0100'],
    ['010-6552 8899', '010-6552 8899'],
    ['021-12345678转806', '021-12345678转806'],
  ])('%s shows as %s', (typed, shown) => {
    expect(formatPhone(typed)).toBe(shown);
  });

  it('dials digits only, without the extension', () => {
    expect(telHref('+86-138 0013 8000')).toBe('tel:+8613800138000');
    expect(telHref('021-12345678转806')).toBe('tel:02112345678');
    expect(telHref('１３８００１３８０００')).toBe('tel:13800138000');
    expect(telHref('n/a')).toBeNull();
  });
});

describe('actors by name, never by id', () => {
  const t = ((key: string) => `«${key}»`) as unknown as TFunction;
  const names = new Map([['rep_1', '王芳']]);

  it.each([
    ['rep:rep_1', '王芳'],
    ['rep:rep_gone', '«work.actors.formerRep»'],
    ['team-lead', '«work.actors.teamLead»'],
    ['scheduler', '«work.actors.scheduler»'],
    ['system', '«work.actors.system»'],
  ])('%s reads %s', (actor, shown) => {
    expect(describeActor(actor, names, t)).toBe(shown);
  });

  it('translates the scheduler’s notes and keeps people’s own', () => {
    expect(describeStageNote('nurture wake-up', t)).toBe('«work.drawer.notes.nurtureWake»');
    expect(describeStageNote('客户要求延期', t)).toBe('客户要求延期');
  });
});

describe("a lead's next step on its queue row and kanban card", () => {
  const zh = createI18n('zh-CN');
  registerBundles(zh, WORK_BUNDLES);
  const en = createI18n('en');
  registerBundles(en, WORK_BUNDLES);
  const at = new Date(2027, 0, 10, 14, 30).getTime();

  it.each([
    ['call', '发送案例', at, '电话：发送案例 · 2027-01-10 14:30', 'Call: 发送案例 · Jan 10, 2027 14:30'],
    ['call', null, at, '电话 · 2027-01-10 14:30', 'Call · Jan 10, 2027 14:30'],
    ['call', '  ', at, '电话 · 2027-01-10 14:30', 'Call · Jan 10, 2027 14:30'],
    [null, '发送案例', null, '下一步：发送案例 · 未定时间', 'Next: 发送案例 · no time set'],
    [null, null, at, '下一步 · 2027-01-10 14:30', 'Next step · Jan 10, 2027 14:30'],
  ] as const)('%s / %s / %s reads %s and %s', (nextKind, nextStep, nextAt, zhText, enText) => {
    const card = { nextKind, nextStep, nextAt };
    expect(describeNextStep(card, zh.t, 'zh-CN')).toBe(zhText);
    expect(describeNextStep(card, en.t, 'en')).toBe(enText);
  });

  it('is null with neither words nor a time', () => {
    expect(describeNextStep({ nextKind: 'call', nextStep: null, nextAt: null }, zh.t, 'zh-CN')).toBeNull();
  });
});
