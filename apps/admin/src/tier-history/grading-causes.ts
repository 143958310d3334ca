// Why a customer was (re)graded: the api's GradingCause (apps/api/src/grading/grading-cause.ts).
export const GRADING_CAUSES = ['policy-publish', 'fact-change', 'manual-override', 'regrade'] as const;
export type GradingCause = (typeof GRADING_CAUSES)[number];

export const gradingCauseChoices = GRADING_CAUSES.map((cause) => ({ id: cause, name: `tierwise.tierHistory.cause.${cause}` }));
