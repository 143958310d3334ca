import PushPinIcon from '@mui/icons-material/PushPin';
import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { usePolicyLabels } from '../policy-labels';
import type { TierOverride } from './customer';

/** A tier as people read it: its id in a chip, its label in the user's language beside it. */
export function TierChip({ tier }: { tier: string | null }) {
  const translate = useTranslate();
  const labels = usePolicyLabels();
  if (tier === null) return <Typography variant="body2">{translate('tierwise.customers.noTier')}</Typography>;
  const label = labels.tierLabel(tier);
  return (
    <Stack direction="row" spacing={1} alignItems="center" component="span">
      <Chip label={tier} size="small" color={tier === 'A' ? 'primary' : 'default'} sx={{ fontWeight: 700 }} />
      {label !== tier && (
        <Typography variant="body2" component="span">
          {label}
        </Typography>
      )}
    </Stack>
  );
}

/** Marks a tier kept by hand; the reason is the accessible name and the tooltip. */
export function OverrideMarker({ override }: { override: TierOverride | null }) {
  const translate = useTranslate();
  if (!override) return null;
  const title = translate('tierwise.customers.override.marker', { tier: override.tier, reason: override.reason });
  return (
    <Tooltip title={title}>
      <PushPinIcon fontSize="small" color="warning" role="img" aria-label={title} data-testid="override-marker" />
    </Tooltip>
  );
}
