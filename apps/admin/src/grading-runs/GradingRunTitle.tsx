import { useRecordContext, useTranslate } from 'react-admin';
import type { GradingRun } from './grading-run';

export function GradingRunTitle() {
  const translate = useTranslate();
  const run = useRecordContext<GradingRun>();
  return <span>{run ? translate('tierwise.gradingRuns.show.title', { id: run.id }) : ''}</span>;
}
