import { Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDateTime } from './format-date';
import { LabelledValue } from './LabelledValue';
import { LintCounts } from './LintCounts';
import type { PolicyVersionSummary } from './policy-types';
import { ShortHash } from './ShortHash';
import { versionPagePath } from './use-draft-actions';
import { VersionStatusChip } from './VersionStatusChip';

/** Who wrote and released a version, when, under which hash, and the author's note: what an auditor reads first. */
export function VersionSummary({ version }: { version: PolicyVersionSummary }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = (iso: string | null) => formatDateTime(iso, locale) ?? '—';
  const field = (key: string) => translate(`tierwise.policies.fields.${key}`);
  return (
    <>
      <Stack direction="row" spacing={4} sx={{ my: 2 }} flexWrap="wrap" useFlexGap>
        <LabelledValue label={field('status')}>
          <VersionStatusChip status={version.status} />
        </LabelledValue>
        <LabelledValue label={field('author')}>
          {version.createdBy} · {when(version.createdAt)}
        </LabelledValue>
        <LabelledValue label={field('updated')}>
          {version.updatedBy} · {when(version.updatedAt)} · {translate('tierwise.policies.revision', { revision: version.revision })}
        </LabelledValue>
        <LabelledValue label={field('publisher')}>
          {version.publishedBy ? `${version.publishedBy} · ${when(version.publishedAt)}` : '—'}
        </LabelledValue>
        {version.supersededAt && <LabelledValue label={field('supersededAt')}>{when(version.supersededAt)}</LabelledValue>}
        <LabelledValue label={field('hash')}>
          <ShortHash hash={version.hash} />
        </LabelledValue>
        <LabelledValue label={field('basedOn')}>
          {version.basedOn === null ? '—' : <Link to={versionPagePath(version.policyId, version.basedOn)}>v{version.basedOn}</Link>}
        </LabelledValue>
        <LabelledValue label={field('lint')}>
          <LintCounts lint={version.lint} />
        </LabelledValue>
      </Stack>
      {version.note && (
        <LabelledValue label={field('note')}>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{version.note}</Typography>
        </LabelledValue>
      )}
    </>
  );
}
