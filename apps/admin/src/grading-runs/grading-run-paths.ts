// Where the console shows a run (react-admin's show route of the grading-runs resource).
export const gradingRunShowPath = (id: number) => `/grading-runs/${id}/show`;
