import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { fieldErrorsOf } from '../users/field-errors';
import type { Policy } from './policy-types';
import { describeSchedule } from './schedule-words';
import { useSetSchedule } from './use-policy-grading';

/**
 * A cron in UTC for the policy's scheduled grading runs. The api judges it: its message shows under the field;
 * meanwhile the field says what the typed cron means in words.
 */
export function EditScheduleDialog({ policy, onClose }: { policy: Policy; onClose: () => void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string, options?: object) => translate(`tierwise.policies.schedule.${key}`, options);
  const [cron, setCron] = useState(policy.schedule);
  const save = useSetSchedule(policy.id);
  const refused = fieldErrorsOf(save.error)?.['schedule'];
  const words = describeSchedule(cron, locale);
  return (
    <Dialog open onClose={onClose} aria-labelledby="edit-schedule-title" maxWidth="sm" fullWidth>
      <DialogTitle id="edit-schedule-title">{t('title', { policy: policy.id })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t(policy.grading ? 'explain' : 'explainNotGrading')}</DialogContentText>
        <TextField
          autoFocus
          fullWidth
          margin="normal"
          label={t('field')}
          value={cron}
          onChange={(event) => {
            setCron(event.target.value);
            save.reset();
          }}
          error={refused !== undefined}
          helperText={refused ?? t('preview', { words: translate(words.key, words.args) })}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
        {save.error && refused === undefined && <Alert severity="error">{save.error.message}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={save.isPending} onClick={() => save.mutate(cron.trim(), { onSuccess: onClose })}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
