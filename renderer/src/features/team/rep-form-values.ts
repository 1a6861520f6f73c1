// Rep form values to and from the API's rep input, validated by the contract's own schema.
import { repInputSchema, type RepInput } from '../../../../core/api/reps/calls';
import type { Rep, RepTier } from '../../../../core/domain/rep';

interface LeaveRange {
  /** ISO `YYYY-MM-DD`, or null while not picked. */
  from: string | null;
  to: string | null;
}

export interface RepFormValues {
  name: string;
  email: string;
  phone: string;
  tier: RepTier;
  skills: string[];
  regions: string[];
  weight: number | string;
  capOpen: number | string;
  capDaily: number | string;
  isOutOfOffice: boolean;
  leave: LeaveRange[];
  /** ISO `YYYY-MM-DD`; null on a new rep means today on the team's clock (the hub decides). */
  joinedOn: string | null;
  pin: string;
}

export const EMPTY_REP_FORM: RepFormValues = {
  name: '',
  email: '',
  phone: '',
  tier: 'junior',
  skills: [],
  regions: [],
  weight: 1,
  capOpen: '',
  capDaily: '',
  isOutOfOffice: false,
  leave: [],
  joinedOn: null,
  pin: '',
};

export function repToFormValues(rep: Rep): RepFormValues {
  return {
    name: rep.name,
    email: rep.email ?? '',
    phone: rep.phone ?? '',
    tier: rep.tier,
    skills: [...rep.skills],
    regions: [...rep.regions],
    weight: rep.weight,
    capOpen: rep.capOpen ?? '',
    capDaily: rep.capDaily ?? '',
    isOutOfOffice: rep.isOutOfOffice,
    leave: rep.leave.map((period) => ({ from: period.from, to: period.to })),
    joinedOn: rep.joinedOn,
    pin: '',
  };
}

function toOptionalInt(value: number | string): number | null {
  if (value === '' || value === null) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : Number.NaN;
}

/** Maps an API field path (`leave.0.to`, `patch.email`) to the form key that shows its error. */
export function formKeyOfApiField(path: string | undefined): string | null {
  if (!path) return null;
  const parts = path.replace(/^patch\./, '').split('.');
  const head = parts[0] ?? '';
  if (head === 'leave' && parts[1] !== undefined) return `leave.${parts[1]}`;
  return head in EMPTY_REP_FORM ? head : null;
}

type RepFormResult =
  | { readonly ok: true; readonly input: RepInput }
  | { readonly ok: false; readonly errors: Record<string, string> };

/** Form values → API input, checked by the contract; an empty PIN means "no PIN" (or "keep it" when editing). */
export function toRepInput(values: RepFormValues): RepFormResult {
  const errors: Record<string, string> = {};
  values.leave.forEach((period, index) => {
    if (!period.from || !period.to) errors[`leave.${index}`] = 'pick both days';
  });
  const input: RepInput = {
    name: values.name,
    email: values.email,
    phone: values.phone,
    tier: values.tier,
    skills: values.skills,
    regions: values.regions,
    weight: toOptionalInt(values.weight) ?? 1,
    capOpen: toOptionalInt(values.capOpen),
    capDaily: toOptionalInt(values.capDaily),
    isOutOfOffice: values.isOutOfOffice,
    leave: values.leave
      .filter((period): period is { from: string; to: string } => period.from !== null && period.to !== null)
      .map((period) => ({ from: period.from, to: period.to })),
  };
  if (values.joinedOn !== null) input.joinedOn = values.joinedOn;
  if (values.pin.trim() !== '') input.pin = values.pin.trim();
  const parsed = repInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = formKeyOfApiField(issue.path.map(String).join('.'));
      if (key && !errors[key]) errors[key] = issue.message;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}
