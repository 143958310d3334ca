import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { PublishResult } from './policy-types';
import { versionPagePath } from './use-draft-actions';

export interface Publication {
  kind: 'publish' | 'rollback';
  /** The version the user acted on (for a rollback, the older version copied). */
  from: number;
  result: PublishResult;
}

/** What a publication or rollback did: the version now in force and the re-grade counts. */
export function PublicationResult({ publication, onClose }: { publication: Publication; onClose: () => void }) {
  const translate = useTranslate();
  const { result } = publication;
  const transitions = Object.entries(result.regrade.transitions).sort(([, a], [, b]) => b - a);
  const tiers = Object.entries(result.regrade.tiers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Alert severity="success" onClose={onClose} sx={{ my: 2 }} role="status">
      <AlertTitle>
        {publication.kind === 'publish'
          ? translate('tierwise.policies.publication.published', { version: result.version.version })
          : translate('tierwise.policies.publication.rolledBack', { version: result.version.version, from: publication.from })}
      </AlertTitle>
      <Typography>
        {translate('tierwise.policies.publication.regraded', {
          customers: result.regrade.customers,
          changes: result.regrade.tierChanges,
        })}
      </Typography>
      {transitions.length > 0 && (
        <Typography>
          {translate('tierwise.policies.publication.transitions')}: {transitions.map(([move, count]) => `${move}: ${count}`).join(', ')}
        </Typography>
      )}
      {tiers.length > 0 && (
        <Typography>
          {translate('tierwise.policies.publication.tiersAfter')}: {tiers.map(([tier, count]) => `${tier}: ${count}`).join(', ')}
        </Typography>
      )}
      {publication.kind === 'rollback' && (
        <Box sx={{ mt: 1 }}>
          <Link to={versionPagePath(result.version.policyId, result.version.version)}>
            {translate('tierwise.policies.actions.openVersion', { version: result.version.version })}
          </Link>
        </Box>
      )}
    </Alert>
  );
}
