// Demo customers' companies: Chinese names built from a city, a core and an industry word, or a foreign firm.
import type { Rng } from '../clock';
import type { DemoIndustry } from './company-tables';
import { CITIES, COMPANY_CORES, ENGLISH_COMPANIES, INDUSTRY_WEIGHTS, INDUSTRY_WORDS } from './company-tables';
import { pick, pickWeighted, randomInt } from './random';

export interface CompanyDraw {
  readonly name: string;
  readonly industry: DemoIndustry;
  readonly city: string;
  readonly region: string;
  readonly domain: string;
}

export function drawChineseCompany(rng: Rng): CompanyDraw {
  const city = pickWeighted(rng, CITIES, (c) => c.weight);
  const industry = pickWeighted(rng, INDUSTRY_WEIGHTS, ([, w]) => w)[0];
  const [core, corePinyin] = pick(rng, COMPANY_CORES);
  const [word, slug] = pick(rng, INDUSTRY_WORDS[industry]);
  const suffix = pickWeighted(
    rng,
    [
      ['有限公司', 70],
      ['股份有限公司', 15],
      ['', 15],
    ] as const,
    ([, w]) => w,
  )[0];
  const tld = pick(rng, ['.com', '.com.cn', '.cn']);
  return {
    name: `${city.name}${core}${word}${suffix}`,
    industry,
    city: city.name,
    region: city.region,
    domain: `${corePinyin}-${slug}${tld}`,
  };
}

export function drawEnglishCompany(rng: Rng): CompanyDraw {
  const company = pick(rng, ENGLISH_COMPANIES);
  const region = CITIES.find((c) => c.name === company.city)?.region ?? '华东';
  return {
    name: company.name,
    industry: company.industry,
    city: company.city,
    region,
    domain: company.domain,
  };
}

/** Head-count bands: 10–49, 50–199, 200–999, 1000–5000. */
const SIZE_BANDS: readonly (readonly [min: number, max: number])[] = [
  [10, 49],
  [50, 199],
  [200, 999],
  [1000, 5000],
];

/** A head count; `bandWeights` weighs the four bands (default: a typical inbound mix). */
export function drawCompanySize(
  rng: Rng,
  bandWeights: readonly [number, number, number, number] = [30, 35, 25, 10],
): number {
  const band = pickWeighted(rng, [0, 1, 2, 3], (i) => bandWeights[i] ?? 0);
  const [min, max] = SIZE_BANDS[band] ?? [10, 49];
  return randomInt(rng, min, max);
}

/** The same company written with or without its legal suffix, as a second form would have it. */
export function toggleCompanySuffix(company: string): string {
  if (company.endsWith('股份有限公司')) return company.slice(0, -'股份有限公司'.length);
  if (company.endsWith('有限公司')) return company.slice(0, -'有限公司'.length);
  if (company.endsWith('Co., Ltd.')) return company.slice(0, -' Co., Ltd.'.length);
  if (/[A-Za-z.]$/.test(company)) return company;
  return `${company}有限公司`;
}
