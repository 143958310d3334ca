import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { NO_TIER } from './grading-run';
import { startRunRequest } from './start-run-request';
import { TierName } from './TierName';
import { useStartRun } from './use-start-run';
import { useTierOrder } from './use-tier-order';

/**
 * Re-grade every customer, or only those in some tiers and/or with some ids, under the version in force of
 * the policy that grades them: its tiers are offered (useTierOrder and TierName read it without an id).
 */
export function StartRunDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`tierwise.gradingRuns.start.${key}`);
  const tiers = [...useTierOrder(), NO_TIER];
  const [picked, setPicked] = useState<string[]>([]);
  const [ids, setIds] = useState('');
  const start = useStartRun();
  const toggle = (tier: string, on: boolean) =>
    setPicked((current) => (on ? [...current, tier] : current.filter((other) => other !== tier)));
  const close = () => {
    start.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} aria-labelledby="start-run-title" maxWidth="sm" fullWidth>
      <DialogTitle id="start-run-title">{t('title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('explain')}</DialogContentText>
        <FormGroup sx={{ mt: 2 }}>
          <FormLabel>{t('tiers')}</FormLabel>
          {tiers.map((tier) => (
            <FormControlLabel
              key={tier}
              control={<Checkbox checked={picked.includes(tier)} onChange={(event) => toggle(tier, event.target.checked)} />}
              label={<TierName tier={tier} />}
            />
          ))}
        </FormGroup>
        <TextField
          sx={{ mt: 2 }}
          fullWidth
          multiline
          minRows={2}
          label={t('ids')}
          helperText={t('idsHelp')}
          value={ids}
          onChange={(event) => setIds(event.target.value)}
        />
        {start.error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {start.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={start.isPending}
          onClick={() => start.mutate(startRunRequest(picked, ids), { onSuccess: close })}
        >
          {t('confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
