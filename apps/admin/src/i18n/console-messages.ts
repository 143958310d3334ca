import { mergeMessages } from './merge-messages';
import { shellMessages } from '../layout/messages';
import { callCentreMessages } from '../call-centre/messages';
import { customersMessages } from '../customers/messages';
import { policiesMessages } from '../policies/messages';
import { policyEditorMessages } from '../policy-editor/messages';
import { tierHistoryMessages } from '../tier-history/messages';
import { auditEventsMessages } from '../audit-events/messages';
import { usersMessages } from '../users/messages';
import { dashboardMessages } from '../dashboard/messages';
import { gradingRunsMessages } from '../grading-runs/messages';

// Each feature folder keeps its own `messages.ts` with `{ en, zh }`; they meet here.
const features = [
  shellMessages,
  callCentreMessages,
  customersMessages,
  policiesMessages,
  policyEditorMessages,
  tierHistoryMessages,
  auditEventsMessages,
  usersMessages,
  dashboardMessages,
  gradingRunsMessages,
];

export const consoleMessages = {
  en: mergeMessages<Record<string, unknown>>(...features.map((feature) => feature.en)),
  zh: mergeMessages<Record<string, unknown>>(...features.map((feature) => feature.zh)),
};
