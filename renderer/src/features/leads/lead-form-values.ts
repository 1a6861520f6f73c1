// Lead form values (strings, as inputs hold them) to and from the API's lead input, validated by the contract.
import { leadInputSchema, type LeadInput } from '../../../../core/api/leads/schemas';
import type { FunnelStage } from '../../../../core/domain/funnel';
import type { Lead } from '../../../../core/domain/lead';

export interface LeadFormValues {
  name: string;
  phone: string;
  email: string;
  wechat: string;
  company: string;
  title: string;
  industry: string;
  region: string;
  companySize: string;
  product: string;
  source: string;
  campaign: string;
  /** Yuan, as typed; the API takes integer fen. */
  cost: string;
  needs: string;
  stage: FunnelStage;
}

export type LeadFormField = keyof LeadFormValues;

export const LEAD_FORM_FIELDS = [
  'name',
  'phone',
  'email',
  'wechat',
  'company',
  'title',
  'industry',
  'region',
  'companySize',
  'product',
  'source',
  'campaign',
  'cost',
  'needs',
  'stage',
] as const satisfies readonly LeadFormField[];

export const EMPTY_LEAD_FORM: LeadFormValues = {
  name: '',
  phone: '',
  email: '',
  wechat: '',
  company: '',
  title: '',
  industry: '',
  region: '',
  companySize: '',
  product: '',
  source: '',
  campaign: '',
  cost: '',
  needs: '',
  stage: 'raw',
};

/** Formats integer fen as a yuan amount without float drift: 12345 → "123.45". */
function formatFenAsYuan(fen: number): string {
  if (fen === 0) return '';
  const yuan = Math.trunc(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? String(yuan) : `${yuan}.${String(rest).padStart(2, '0')}`;
}

/** Parses a yuan amount into integer fen without float drift; null when it is not a plain amount. */
export function parseYuanToFen(text: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，\s]/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function leadToFormValues(lead: Lead): LeadFormValues {
  return {
    name: lead.name,
    phone: lead.phone ?? '',
    email: lead.email ?? '',
    wechat: lead.wechat ?? '',
    company: lead.company ?? '',
    title: lead.title ?? '',
    industry: lead.industry ?? '',
    region: lead.region ?? '',
    companySize: lead.companySize === null ? '' : String(lead.companySize),
    product: lead.product ?? '',
    source: lead.source ?? '',
    campaign: lead.campaign ?? '',
    cost: formatFenAsYuan(lead.costFen),
    needs: lead.needs ?? '',
    stage: lead.stage,
  };
}

/** Maps an API field path (`email`, `patch.email`, `costFen`) to the form field that shows its error. */
export function formFieldOfApiField(path: string | undefined): LeadFormField | null {
  if (!path) return null;
  const head = path.replace(/^patch\./, '').split('.')[0] ?? '';
  if (head === 'costFen') return 'cost';
  return (LEAD_FORM_FIELDS as readonly string[]).includes(head) ? (head as LeadFormField) : null;
}

type LeadFormResult =
  | { readonly ok: true; readonly input: LeadInput }
  | { readonly ok: false; readonly errors: Partial<Record<LeadFormField, string>> };

/**
 * Turns form values into the API's input and checks them with the contract's own schema, so the form refuses
 * exactly what the server would. Error values are the schema's messages; the form shows translated ones.
 */
export function toLeadInput(values: LeadFormValues): LeadFormResult {
  const errors: Partial<Record<LeadFormField, string>> = {};
  const sizeText = values.companySize.trim();
  const companySize = sizeText === '' ? null : /^\d+$/.test(sizeText) ? Number(sizeText) : Number.NaN;
  if (Number.isNaN(companySize)) errors.companySize = 'not a whole number';
  const costFen = values.cost.trim() === '' ? 0 : parseYuanToFen(values.cost);
  if (costFen === null) errors.cost = 'not an amount';

  const input: LeadInput = {
    name: values.name,
    phone: values.phone,
    email: values.email,
    wechat: values.wechat,
    company: values.company,
    title: values.title,
    industry: values.industry,
    region: values.region,
    companySize: companySize === null || Number.isNaN(companySize) ? null : companySize,
    product: values.product,
    source: values.source,
    campaign: values.campaign,
    costFen: costFen ?? 0,
    needs: values.needs,
    stage: values.stage,
  };
  const parsed = leadInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = formFieldOfApiField(issue.path.map(String).join('.'));
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}
