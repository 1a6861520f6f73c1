// The Transparency page's sections, in order. A section is a component that fetches and shows its own part;
// adding one (the vacation-neutral ledger, for instance) is one entry here, nothing else on the page changes.
import type { ComponentType } from 'react';
import { FairnessLedger } from '../rules/FairnessLedger';
import { AppealOutcomes } from './AppealOutcomes';
import { AssignmentLog } from './AssignmentLog';
import { FairnessFigures } from './FairnessFigures';
import { RulesInWords } from './RulesInWords';
import { SlaInWords } from './SlaInWords';

export interface TransparencySection {
  /** Stable key, also the section's test id suffix. */
  readonly key: string;
  readonly Component: ComponentType;
}

export const TRANSPARENCY_SECTIONS: readonly TransparencySection[] = [
  { key: 'rules', Component: RulesInWords },
  { key: 'sla', Component: SlaInWords },
  { key: 'fairness', Component: FairnessFigures },
  { key: 'ledger', Component: FairnessLedger },
  { key: 'assignments', Component: AssignmentLog },
  { key: 'appeals', Component: AppealOutcomes },
];
