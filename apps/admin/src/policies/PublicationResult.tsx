import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { PublishResult } from './policy-types';
import { PublicationRun } from './PublicationRun';
import { versionPagePath } from './use-draft-actions';

export interface Publication {
  kind: 'publish' | 'rollback';
  /** The version the user acted on (for a rollback, the older version copied). */
  from: number;
  result: PublishResult;
}

/** What a publication or rollback did: the version now in force at once, then the re-grade followed as it runs. */
export function PublicationResult({ publication, onClose }: { publication: Publication; onClose: () => void }) {
  const translate = useTranslate();
  const { result } = publication;
  const { policyId, version } = result.version;
  return (
    <Alert severity="success" onClose={onClose} sx={{ my: 2, '& .MuiAlert-message': { flex: 1 } }} role="status">
      <AlertTitle>
        {publication.kind === 'publish'
          ? translate('tierwise.policies.publication.published', { version })
          : translate('tierwise.policies.publication.rolledBack', { version, from: publication.from })}
      </AlertTitle>
      {result.gradingRun === null ? (
        <Typography>{translate('tierwise.policies.publication.noRun')}</Typography>
      ) : (
        <PublicationRun policyId={policyId} runId={result.gradingRun.id} />
      )}
      {publication.kind === 'rollback' && (
        <Box sx={{ mt: 1 }}>
          <Link to={versionPagePath(policyId, version)}>{translate('tierwise.policies.actions.openVersion', { version })}</Link>
        </Box>
      )}
    </Alert>
  );
}
