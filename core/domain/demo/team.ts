// The demo sales team: eight reps of three tiers, one new this month, one on leave next week, one out of office.
import { DAY_MS } from '../clock';
import type { IdGenerator, RepId } from '../ids';
import type { Rep } from '../rep';
import { localDayStart, localWeekday, toIsoDate } from './random';

interface RepSpec {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly tier: Rep['tier'];
  readonly skills: readonly string[];
  readonly regions: readonly string[];
  readonly weight: number;
  readonly capOpen: number;
  readonly capDaily: number;
  readonly joinedDaysAgo: number;
}

const REP_SPECS: readonly RepSpec[] = [
  {
    name: '王芳',
    email: 'wang.fang@fairlead-demo.cn',
    phone: '13916027748',
    tier: 'senior',
    skills: ['制造', '软件', '旗舰版', '实施服务'],
    regions: ['华东'],
    weight: 3,
    capOpen: 90,
    capDaily: 15,
    joinedDaysAgo: 1560,
  },
  {
    name: '李强',
    email: 'li.qiang@fairlead-demo.cn',
    phone: '13701105392',
    tier: 'senior',
    skills: ['金融', '软件', '旗舰版', '专业版'],
    regions: ['华北'],
    weight: 3,
    capOpen: 90,
    capDaily: 15,
    joinedDaysAgo: 1140,
  },
  {
    name: '陈静',
    email: 'chen.jing@fairlead-demo.cn',
    phone: '13560238816',
    tier: 'mid',
    skills: ['教育', '医疗', '专业版'],
    regions: ['华南'],
    weight: 2,
    capOpen: 70,
    capDaily: 12,
    joinedDaysAgo: 730,
  },
  {
    name: '赵磊',
    email: 'zhao.lei@fairlead-demo.cn',
    phone: '18628047315',
    tier: 'mid',
    skills: ['制造', '标准版', '专业版'],
    regions: ['西南', '华东'],
    weight: 2,
    capOpen: 70,
    capDaily: 12,
    joinedDaysAgo: 540,
  },
  {
    name: 'Kevin Zhou',
    email: 'kevin.zhou@fairlead-demo.cn',
    phone: '15013826674',
    tier: 'mid',
    skills: ['软件', '金融', '专业版', '实施服务'],
    regions: ['华南', '华东'],
    weight: 2,
    capOpen: 70,
    capDaily: 12,
    joinedDaysAgo: 400,
  },
  {
    name: '刘婷',
    email: 'liu.ting@fairlead-demo.cn',
    phone: '18810326259',
    tier: 'junior',
    skills: ['教育', '零售', '标准版'],
    regions: ['华北'],
    weight: 1,
    capOpen: 45,
    capDaily: 8,
    joinedDaysAgo: 240,
  },
  {
    name: '孙浩',
    email: 'sun.hao@fairlead-demo.cn',
    phone: '13980417723',
    tier: 'junior',
    skills: ['医疗', '物流', '标准版'],
    regions: ['西南'],
    weight: 1,
    capOpen: 45,
    capDaily: 8,
    joinedDaysAgo: 150,
  },
  {
    name: 'Amy Lin',
    email: 'amy.lin@fairlead-demo.cn',
    phone: '17721056698',
    tier: 'junior',
    skills: ['软件', '标准版'],
    regions: ['华东'],
    weight: 1,
    capOpen: 25,
    capDaily: 5,
    joinedDaysAgo: 18,
  },
];

/** 赵磊 is on leave Monday–Friday next week; Kevin Zhou is out of office since a few days. */
const ON_LEAVE_NEXT_WEEK = '赵磊';
const OUT_OF_OFFICE = 'Kevin Zhou';
const OUT_OF_OFFICE_SINCE_DAYS = 4;

/** Since when the demo's rep out of office today has been out (epoch ms): the switch's history starts here. */
export function outOfOfficeSince(now: number): number {
  return now - OUT_OF_OFFICE_SINCE_DAYS * DAY_MS;
}

/** Whether `rep` was out of office at `at`: the flag set today stands for the last few days only. */
export function wasOutOfOffice(rep: Pick<Rep, 'isOutOfOffice'>, at: number, now: number): boolean {
  return rep.isOutOfOffice && at > now - OUT_OF_OFFICE_SINCE_DAYS * DAY_MS;
}

/** The team as of `now`, ids from `makeId('rep')` in a fixed order. */
export function buildReps(now: number, makeId: IdGenerator): Rep[] {
  const today = localDayStart(now);
  const daysToMonday = (8 - localWeekday(now)) % 7 || 7;
  const nextMonday = today + daysToMonday * DAY_MS;
  return REP_SPECS.map((spec) => ({
    id: makeId('rep') as RepId,
    name: spec.name,
    email: spec.email,
    phone: spec.phone,
    tier: spec.tier,
    skills: [...spec.skills],
    regions: [...spec.regions],
    weight: spec.weight,
    capOpen: spec.capOpen,
    capDaily: spec.capDaily,
    isActive: true,
    isOutOfOffice: spec.name === OUT_OF_OFFICE,
    leave:
      spec.name === ON_LEAVE_NEXT_WEEK
        ? [{ from: toIsoDate(nextMonday), to: toIsoDate(nextMonday + 4 * DAY_MS) }]
        : [],
    joinedOn: toIsoDate(today - spec.joinedDaysAgo * DAY_MS),
  }));
}
