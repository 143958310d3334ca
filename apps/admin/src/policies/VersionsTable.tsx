import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TablePagination,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Loading, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { NavigateButton } from './NavigateButton';
import { canAuthorPolicies } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { formatDateTime } from './format-date';
import { LintCounts } from './LintCounts';
import type { Policy, PolicyVersionSummary } from './policy-types';
import { ShortHash } from './ShortHash';
import { diffPagePath, draftEditorPath, useNewDraft, versionPagePath } from './use-draft-actions';
import { usePolicyVersions } from './use-policy-queries';
import { defaultComparand, isDraft } from './version-rules';
import { VersionStatusChip } from './VersionStatusChip';

const PER_PAGE = 25;

/** A policy's versions, newest first: who wrote and published each, when, its hash and lint, and what to do with it. */
export function VersionsTable({ policy }: { policy: Policy }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [page, setPage] = useState(1);
  const { data, total, isPending, error } = usePolicyVersions(policy.id, page, PER_PAGE);
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  const when = (iso: string | null) => formatDateTime(iso, locale, 'short') ?? '—';
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('tierwise.policies.show.versions')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('tierwise.policies.fields.version')}</TableCell>
            <TableCell>{translate('tierwise.policies.fields.status')}</TableCell>
            <TableCell>{translate('tierwise.policies.fields.author')}</TableCell>
            <TableCell>{translate('tierwise.policies.fields.publisher')}</TableCell>
            <TableCell>{translate('tierwise.policies.fields.hash')}</TableCell>
            <TableCell>{translate('tierwise.policies.fields.lint')}</TableCell>
            <TableCell>{translate('tierwise.policies.fields.note')}</TableCell>
            <TableCell>{translate('tierwise.policies.fields.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((version) => (
            <TableRow key={version.id} hover selected={version.version === policy.publishedVersion}>
              <TableCell>
                <Link to={versionPagePath(policy.id, version.version)}>v{version.version}</Link>
              </TableCell>
              <TableCell>
                <VersionStatusChip status={version.status} />
              </TableCell>
              <TableCell>
                <WhoWhen who={version.createdBy} when={when(version.createdAt)} />
              </TableCell>
              <TableCell>
                {version.publishedBy ? (
                  <WhoWhen
                    who={version.publishedBy}
                    when={when(version.publishedAt)}
                    until={
                      version.supersededAt ? translate('tierwise.policies.supersededOn', { date: when(version.supersededAt) }) : undefined
                    }
                  />
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell>
                <ShortHash hash={version.hash} />
              </TableCell>
              <TableCell>
                <LintCounts lint={version.lint} />
              </TableCell>
              <TableCell sx={{ minWidth: 120 }}>{version.note ?? ''}</TableCell>
              <TableCell>
                <VersionRowActions policy={policy} version={version} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {total !== undefined && total > PER_PAGE && (
        <TablePagination
          component="div"
          count={total}
          page={page - 1}
          rowsPerPage={PER_PAGE}
          rowsPerPageOptions={[PER_PAGE]}
          onPageChange={(_, next) => setPage(next + 1)}
        />
      )}
    </Box>
  );
}

/** "user:cauthor" over the date (and, for a publication, until when it was in force): one cell. */
function WhoWhen({ who, when, until }: { who: string; when: string; until?: string | undefined }) {
  return (
    <>
      <Box>{who}</Box>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {when}
      </Typography>
      {until && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
          {until}
        </Typography>
      )}
    </>
  );
}

/** Open, compare, and for authors: a new draft from this version, or edit it when it is a draft. */
function VersionRowActions({ policy, version }: { policy: Policy; version: PolicyVersionSummary }) {
  const translate = useTranslate();
  const role = useRole();
  const newDraft = useNewDraft(policy.id);
  const args = { version: version.version };
  const comparand = defaultComparand(version.version, policy);
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      <NavigateButton
        size="small"
        to={versionPagePath(policy.id, version.version)}
        aria-label={translate('tierwise.policies.actions.openVersion', args)}
      >
        {translate('tierwise.policies.actions.open')}
      </NavigateButton>
      <NavigateButton
        size="small"
        to={diffPagePath(policy.id, comparand, version.version)}
        aria-label={translate('tierwise.policies.actions.compareVersion', args)}
      >
        {translate('tierwise.policies.actions.compare')}
      </NavigateButton>
      {canAuthorPolicies(role) && isDraft(version) && (
        <NavigateButton
          size="small"
          to={draftEditorPath(policy.id, version.version)}
          aria-label={translate('tierwise.policies.actions.editDraftVersion', args)}
        >
          {translate('tierwise.policies.actions.editDraft')}
        </NavigateButton>
      )}
      {canAuthorPolicies(role) && (
        <Tooltip title={translate('tierwise.policies.actions.newDraftHint', args)}>
          <span>
            <Button
              size="small"
              disabled={newDraft.isPending}
              onClick={() => newDraft.mutate(version.version)}
              aria-label={translate('tierwise.policies.actions.newDraftFrom', args)}
            >
              {translate('tierwise.policies.actions.newDraft')}
            </Button>
          </span>
        </Tooltip>
      )}
    </Stack>
  );
}
