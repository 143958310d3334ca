import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { Box, Stack, Typography } from '@mui/material';
import { Show, TopToolbar, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { NavigateButton } from './NavigateButton';
import { formatDateTime } from './format-date';
import { LabelledValue } from './LabelledValue';
import type { Policy } from './policy-types';
import { PolicyGradingSection } from './PolicyGradingSection';
import { ShortHash } from './ShortHash';
import { diffPagePath } from './use-draft-actions';
import { useLocalizedLabel } from '../policy-labels';
import { VersionsTable } from './VersionsTable';

/** One policy: what is in force, whether it grades the customers and when, and every version with what can be done with it. */
export function PolicyShow() {
  return (
    <Show actions={<PolicyShowActions />} title={<PolicyTitle />}>
      <PolicyShowContent />
    </Show>
  );
}

function PolicyTitle() {
  const policy = useRecordContext<Policy>();
  const localized = useLocalizedLabel();
  return <span>{policy ? localized(policy.name, policy.id) : ''}</span>;
}

function PolicyShowActions() {
  const policy = useRecordContext<Policy>();
  const translate = useTranslate();
  if (!policy) return null;
  return (
    <TopToolbar>
      <NavigateButton to={diffPagePath(policy.id)} startIcon={<CompareArrowsIcon />}>
        {translate('tierwise.policies.actions.compareVersions')}
      </NavigateButton>
    </TopToolbar>
  );
}

function PolicyShowContent() {
  const policy = useRecordContext<Policy>();
  const translate = useTranslate();
  const localized = useLocalizedLabel();
  const [locale] = useLocaleState();
  if (!policy) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1">
        {localized(policy.name, policy.id)}{' '}
        <Typography component="span" color="text.secondary">
          ({policy.id})
        </Typography>
      </Typography>
      <Stack direction="row" spacing={4} sx={{ my: 2 }} flexWrap="wrap" useFlexGap>
        <LabelledValue label={translate('tierwise.policies.fields.inForce')}>
          {policy.publishedVersion === null ? translate('tierwise.policies.notPublished') : `v${policy.publishedVersion}`}
        </LabelledValue>
        <LabelledValue label={translate('tierwise.policies.fields.hash')}>
          <ShortHash hash={policy.publishedHash} />
        </LabelledValue>
        <LabelledValue label={translate('tierwise.policies.fields.publishedAt')}>
          {formatDateTime(policy.publishedAt, locale) ?? '—'}
        </LabelledValue>
        <LabelledValue label={translate('tierwise.policies.fields.publishedBy')}>{policy.publishedBy ?? '—'}</LabelledValue>
        <LabelledValue label={translate('tierwise.policies.fields.drafts')}>{policy.drafts}</LabelledValue>
      </Stack>
      <PolicyGradingSection policy={policy} />
      <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
        {translate('tierwise.policies.show.versions')}
      </Typography>
      <VersionsTable policy={policy} />
    </Box>
  );
}
