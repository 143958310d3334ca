import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { canStartGradingRuns } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { StartRunDialog } from './StartRunDialog';

/** "Start a run", for the roles that may re-grade by hand (admin, publisher). */
export function StartRunButton() {
  const translate = useTranslate();
  const role = useRole();
  const [open, setOpen] = useState(false);
  if (!canStartGradingRuns(role)) return null;
  return (
    <>
      <Button size="small" startIcon={<PlayArrowIcon />} onClick={() => setOpen(true)}>
        {translate('tierwise.gradingRuns.start.button')}
      </Button>
      {open && <StartRunDialog open onClose={() => setOpen(false)} />}
    </>
  );
}
