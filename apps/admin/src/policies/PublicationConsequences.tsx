import { Alert, Box, CircularProgress, DialogContentText, List, ListItem, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { usePolicyDiff } from './use-policy-diff';
import { useCustomerCount } from './use-policy-queries';

interface Props {
  policyId: string;
  /** Whether the policy grades the customers: only then does a publication re-grade them. */
  grading: boolean;
  /** The version whose rules will be in force. */
  version: number;
  /** The version in force now, null when none is. */
  inForce: number | null;
  /** "publish" or "rollback": the first line says which. */
  kind: 'publish' | 'rollback';
  error: Error | null;
}

/**
 * What confirming will do, said before it is done: which rules will be in force for every customer,
 * how many customers are re-graded (none when the policy does not grade them), and what changes against the version in force (the api's own
 * summary lines).
 */
export function PublicationConsequences({ policyId, grading, version, inForce, kind, error }: Props) {
  const translate = useTranslate();
  const customers = useCustomerCount(grading);
  const diff = usePolicyDiff(policyId, inForce ?? undefined, version);
  return (
    <Box>
      <DialogContentText>{translate(`tierwise.policies.${kind}.willBeInForce`, { version })}</DialogContentText>
      <DialogContentText>
        {!grading
          ? translate('tierwise.policies.publication.gradesNobody')
          : customers === undefined
            ? translate('tierwise.policies.publication.regradeEveryone')
            : translate('tierwise.policies.publication.regradeCount', { smart_count: customers })}
      </DialogContentText>
      {inForce === null ? (
        <DialogContentText>{translate('tierwise.policies.publication.firstPublication')}</DialogContentText>
      ) : (
        <>
          <DialogContentText sx={{ mt: 1 }}>
            {translate('tierwise.policies.publication.changesAgainst', { version: inForce })}
          </DialogContentText>
          {diff.isPending ? (
            <CircularProgress size={20} />
          ) : diff.error ? (
            <Alert severity="warning">{diff.error.message}</Alert>
          ) : diff.data.summary.length === 0 ? (
            <Typography>{translate('tierwise.policies.diff.noChanges')}</Typography>
          ) : (
            <List dense aria-label={translate('tierwise.policies.diff.summary')}>
              {diff.data.summary.map((line, index) => (
                <ListItem key={index} disableGutters>
                  {line}
                </ListItem>
              ))}
            </List>
          )}
        </>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error.message}
        </Alert>
      )}
    </Box>
  );
}
