import ScheduleIcon from '@mui/icons-material/Schedule';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { EditScheduleDialog } from './EditScheduleDialog';
import type { Policy } from './policy-types';

/** Opens the schedule dialog (publishers and admins). */
export function EditScheduleButton({ policy }: { policy: Policy }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button startIcon={<ScheduleIcon />} onClick={() => setOpen(true)}>
        {translate('tierwise.policies.schedule.edit')}
      </Button>
      {open && <EditScheduleDialog policy={policy} onClose={() => setOpen(false)} />}
    </>
  );
}
