// Two rules the assignment-history tests share: leads with a 139 phone go to one rep (so a rule's explanation quotes
// a phone, which a rep must see masked), every other lead to another.
import type { CallInput } from '../../core/api/contract';

type Rules = CallInput<'distribution.saveRules'>['rules'];

export function phoneSplitRules(phoneRepId: string, restRepId: string): Rules {
  return [
    {
      id: 'mobile-139',
      name: '139 号段',
      enabled: true,
      conditions: [{ field: 'phone', op: 'contains', value: '139' }],
      target: { kind: 'reps', repIds: [phoneRepId] },
      method: 'round-robin',
    },
    {
      id: 'rest',
      name: '其余',
      enabled: true,
      conditions: [],
      target: { kind: 'reps', repIds: [restRepId] },
      method: 'weighted',
    },
  ];
}
