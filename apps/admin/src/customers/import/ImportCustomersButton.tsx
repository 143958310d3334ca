import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { ImportCustomersDialog } from './ImportCustomersDialog';

/** The list's "Import" button: opens the upload dialog (no page of its own, so no route to add). */
export function ImportCustomersButton() {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => setOpen(true)}>
        {translate('tierwise.customers.import.button')}
      </Button>
      {open && <ImportCustomersDialog onClose={() => setOpen(false)} />}
    </>
  );
}
