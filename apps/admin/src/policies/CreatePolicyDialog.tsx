import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { createPolicyErrors, createPolicyRequest } from './create-policy-form';
import { PolicyFileInput, type UploadedPolicy } from './PolicyFileInput';
import { useCreatePolicy } from './use-policy-grading';

/** Id, name in English and Chinese, and a document to start from (or none: an empty draft). The api's refusals sit under their fields. */
export function CreatePolicyDialog({ onClose }: { onClose: () => void }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`tierwise.policies.create.${key}`);
  const [id, setId] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [upload, setUpload] = useState<UploadedPolicy | null>(null);
  const create = useCreatePolicy();
  const errors = createPolicyErrors(create.error);
  const submit = () =>
    create.mutate(createPolicyRequest({ id, nameEn, nameZh, document: upload?.document ?? null }), { onSuccess: onClose });
  return (
    <Dialog open onClose={onClose} aria-labelledby="create-policy-title" maxWidth="sm" fullWidth>
      <DialogTitle id="create-policy-title">{t('title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('explain')}</DialogContentText>
        <TextField
          autoFocus
          required
          fullWidth
          margin="normal"
          label={t('id')}
          value={id}
          onChange={(event) => setId(event.target.value)}
          error={errors.id !== undefined}
          helperText={errors.id ?? t('idHelp')}
        />
        <TextField
          fullWidth
          margin="normal"
          label={t('nameEn')}
          value={nameEn}
          onChange={(event) => setNameEn(event.target.value)}
          error={errors.name !== undefined}
          helperText={errors.name ?? t('nameHelp')}
        />
        <TextField fullWidth margin="normal" label={t('nameZh')} value={nameZh} onChange={(event) => setNameZh(event.target.value)} />
        <PolicyFileInput value={upload} onChange={setUpload} error={errors.document} />
        {errors.other && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {errors.other}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={create.isPending || id.trim() === ''} onClick={submit}>
          {t('confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
