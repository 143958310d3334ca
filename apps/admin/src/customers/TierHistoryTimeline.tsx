import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Pagination, ReferenceManyField, useListContext, useLocaleState, useTranslate } from 'react-admin';
import type { TierHistoryEntry } from './customer';

const T = 'tierwise.customers.history';

/** The customer's tier changes, newest first: when, from -> to, why, under which policy version, and who. */
export function TierHistoryTimeline() {
  return (
    <ReferenceManyField<TierHistoryEntry>
      reference="tier-history"
      target="customerId"
      sort={{ field: 'at', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
    >
      <TimelineEntries />
    </ReferenceManyField>
  );
}

function TimelineEntries() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending } = useListContext<TierHistoryEntry>();
  if (isPending) return null;
  if (!data || data.length === 0) return <Typography variant="body2">{translate(`${T}.empty`)}</Typography>;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <List aria-label={translate(`${T}.title`)} data-testid="tier-history">
      {data.map((entry) => (
        <ListItem key={entry.id} divider alignItems="flex-start" sx={{ borderLeft: 3, borderColor: 'primary.light', mb: 0.5 }}>
          <ListItemText
            primary={
              <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" component="span">
                <Typography component="span" variant="body2" color="text.secondary">
                  <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
                </Typography>
                <Chip size="small" variant="outlined" label={entry.previousTier ?? translate(`${T}.none`)} />
                <ArrowForwardIcon fontSize="small" aria-label={translate(`${T}.to`)} />
                <Chip size="small" color="primary" label={entry.newTier ?? translate(`${T}.none`)} />
                <Chip size="small" label={translate(`tierwise.callCentre.decision.cause.${entry.cause}`, { _: entry.cause })} />
              </Stack>
            }
            secondary={translate(`${T}.detail`, {
              policy: entry.policy.id,
              version: entry.policy.version ?? '?',
              score: entry.score ?? '—',
              actor: entry.actor,
            })}
            slotProps={{ primary: { component: 'div' } }}
          />
        </ListItem>
      ))}
    </List>
  );
}
