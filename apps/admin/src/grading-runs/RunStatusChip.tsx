import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RunStatus } from './grading-run';

const COLOURS = { queued: 'default', running: 'info', succeeded: 'success', failed: 'error' } as const;

export function RunStatusChip({ status }: { status: RunStatus }) {
  const translate = useTranslate();
  return <Chip size="small" color={COLOURS[status]} label={translate(`tierwise.gradingRuns.status.${status}`)} />;
}
