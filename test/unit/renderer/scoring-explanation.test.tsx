import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LeadDetail } from '../../../core/api/leads/schemas';
import { asLeadId } from '../../../core/domain/ids';
import type { Lead } from '../../../core/domain/lead';
import { defaultScoringModel } from '../../../core/domain/scoring/default-model';
import { compileScoringModel } from '../../../core/domain/scoring/engine';
import type { ConversionPrediction } from '../../../core/domain/scoring/learned';
import { ScoreExplanation } from '../../../renderer/src/features/scoring/ScoreExplanation';
import { StaleTag, isScoreStale } from '../../../renderer/src/features/scoring/StaleMarker';
import { createFakeClient, renderWithApp } from './render-app';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 2);

function makeLead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: asLeadId('lead_1'),
    name: '周总',
    phone: null,
    email: null,
    wechat: null,
    company: '苏州精工制造有限公司',
    title: '总经理',
    industry: '制造',
    region: '苏州',
    companySize: 800,
    product: null,
    source: '官网表单',
    campaign: null,
    costFen: 0,
    needs: '想尽快上线 CRM 管理销售线索',
    bant: {},
    customFields: {},
    events: [{ kind: 'download', at: NOW - 3 * DAY, detail: '价格表' }],
    stage: 'raw',
    ownerId: null,
    score: null,
    grade: null,
    scoreModelVersion: 1,
    createdAt: NOW - 5 * DAY,
    updatedAt: NOW - 5 * DAY,
    isHistory: false,
    ...overrides,
  };
}

function makeDetail(
  options: { isStale?: boolean; prediction?: ConversionPrediction | null } = {},
): LeadDetail {
  const model = { ...defaultScoringModel(), version: 3 };
  const lead = makeLead();
  const rule = compileScoringModel(model)(lead, NOW);
  return {
    lead: { ...lead, score: rule.score, grade: rule.grade },
    assignments: [],
    followUps: [],
    scoreModelVersion: options.isStale ? 2 : 3,
    appeal: 'none',
    explanation: {
      rule,
      prediction: options.prediction ?? null,
      blend: { mode: 'rules', weight: 0.5 },
      score: rule.score,
      grade: rule.grade,
      isStale: options.isStale ?? false,
    },
  };
}

function renderExplanation(detail: LeadDetail, language: 'zh-CN' | 'en' = 'zh-CN') {
  return renderWithApp(<ScoreExplanation detail={detail} now={NOW} />, createFakeClient({}), language);
}

describe('the score explanation in the lead drawer', () => {
  it('lists every rule part with its points, and the parts add up to the score shown', () => {
    const detail = makeDetail();
    renderExplanation(detail);
    const parts = screen.getAllByTestId('score-part');
    expect(parts).toHaveLength(detail.explanation.rule.parts.length);
    const shownPoints = parts.map((part) => Number(part.getAttribute('data-points')));
    const sum = shownPoints.reduce((total, p) => total + p, 0);
    expect(sum).toBe(detail.explanation.score);
    expect(screen.getByTestId('explanation-score').textContent).toBe(String(detail.explanation.score));
    expect(screen.getByTestId('explanation-sum').textContent).toContain(`= ${detail.explanation.score}`);
  });

  it('marks the parts’ sum as the rule score when a learned model blends in, in each language’s brackets', () => {
    const detail = makeDetail();
    const blended = {
      ...detail,
      explanation: { ...detail.explanation, blend: { mode: 'blend' as const, weight: 0.5 } },
    };
    const { unmount } = renderExplanation(blended);
    expect(screen.getByTestId('explanation-sum').textContent).toBe(
      `= ${detail.explanation.rule.score} （规则得分）`,
    );
    unmount();
    renderExplanation(blended, 'en');
    expect(screen.getByTestId('explanation-sum').textContent).toBe(
      `= ${detail.explanation.rule.score} (rule score)`,
    );
  });

  it('says in plain words why a part fired: the label, the keywords that matched, and recent events', () => {
    renderExplanation(makeDetail());
    const texts = screen.getAllByTestId('score-part').map((part) => part.textContent ?? '');
    expect(texts.some((text) => text.includes('决策层职位') && text.includes('匹配“总经理”'))).toBe(true);
    expect(texts.some((text) => text.includes('资料下载') && text.includes('3 天前：价格表'))).toBe(true);
    expect(texts.every((text) => /^[+−0]/.test(text))).toBe(true);
  });

  it('shows a stale marker when the score came from an older model version', () => {
    renderExplanation(makeDetail({ isStale: true }));
    const marker = screen.getByTestId('stale-marker');
    expect(marker.textContent).toContain('评分已过期');
    expect(marker.getAttribute('aria-label')).toContain('v2');
    expect(marker.getAttribute('aria-label')).toContain('v3');
  });

  it('shows no stale marker for a score from the current model', () => {
    renderExplanation(makeDetail());
    expect(screen.queryByTestId('stale-marker')).toBeNull();
  });

  it('shows the learned probability and its top factors in words when a learned model exists', () => {
    const prediction: ConversionPrediction = {
      probability: 0.42,
      baseline: 0.2,
      factors: [
        { name: 'industry=制造', field: 'industry', value: 1, contribution: 0.83, direction: 'raises' },
        {
          name: 'title_level=decision_maker',
          field: 'title',
          value: 1,
          contribution: 0.7,
          direction: 'raises',
        },
        { name: 'source=展会', field: 'source', value: 1, contribution: -0.4, direction: 'lowers' },
      ],
    };
    renderExplanation(makeDetail({ prediction }));
    const learned = screen.getByTestId('explanation-learned');
    expect(learned.textContent).toContain('成交概率 42%');
    expect(within(learned).getByText('行业=制造')).toBeTruthy();
    expect(within(learned).getByText('职位级别=决策层')).toBeTruthy();
    expect(within(learned).getByText('来源渠道=展会')).toBeTruthy();
  });

  it('reads in English too', () => {
    renderExplanation(makeDetail({ isStale: true }), 'en');
    expect(screen.getByText('Why this score')).toBeTruthy();
    expect(screen.getByTestId('stale-marker').textContent).toContain('Score out of date');
  });
});

describe('the stale marker in the Leads table', () => {
  it('marks a score older than the model in force, and only that', () => {
    expect(isScoreStale({ score: 50, scoreModelVersion: 1 }, 2)).toBe(true);
    expect(isScoreStale({ score: 50, scoreModelVersion: 2 }, 2)).toBe(false);
    expect(isScoreStale({ score: null, scoreModelVersion: null }, 2)).toBe(false);
    expect(isScoreStale({ score: 50, scoreModelVersion: 1 }, undefined)).toBe(false);
  });

  it('names both versions in its hint', () => {
    renderWithApp(<StaleTag scoredVersion={4} currentVersion={5} />, createFakeClient({}), 'zh-CN');
    const tag = screen.getByTestId('stale-marker');
    expect(tag.textContent).toBe('待更新');
    expect(tag.getAttribute('title')).toContain('v4');
    expect(tag.getAttribute('title')).toContain('v5');
  });
});
