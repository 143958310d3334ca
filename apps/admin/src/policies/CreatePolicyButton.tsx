import AddIcon from '@mui/icons-material/Add';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { CreatePolicyDialog } from './CreatePolicyDialog';

/** Opens the Create policy dialog. */
export function CreatePolicyButton() {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {translate('tierwise.policies.create.action')}
      </Button>
      {open && <CreatePolicyDialog onClose={() => setOpen(false)} />}
    </>
  );
}
