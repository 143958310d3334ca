import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useTranslate } from 'react-admin';
import { usePolicyLabels } from '../../policy-labels';
import { importErrorPlace, importMediaType, type ImportMediaType, type ImportProblem, type ImportResult } from './import-file';
import { useCustomerImport, type ImportState } from './use-customer-import';

const T = 'tierwise.customers.import';

/** Upload a CSV or JSON lines file; shows progress, then the counts or every problem by line. */
export function ImportCustomersDialog({ onClose }: { onClose: () => void }) {
  const translate = useTranslate();
  const { state, start, reset } = useCustomerImport();
  const [file, setFile] = useState<{ file: File; mediaType: ImportMediaType | undefined } | null>(null);
  const busy = state.phase === 'uploading' || state.phase === 'processing';

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again after fixing it must fire a change
    if (!chosen) return;
    reset();
    setFile({ file: chosen, mediaType: importMediaType(chosen) });
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="import-customers-title">
      <DialogTitle id="import-customers-title">{translate(`${T}.title`)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(`${T}.help`)}</DialogContentText>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
          <Button variant="outlined" component="label" disabled={busy}>
            {translate(`${T}.choose`)}
            <input
              type="file"
              hidden
              accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
              aria-label={translate(`${T}.fileInput`)}
              onChange={choose}
            />
          </Button>
          {file && (
            <Typography variant="body2" data-testid="import-file-name">
              {translate(`${T}.chosen`, { name: file.file.name, size: formatBytes(file.file.size) })}
            </Typography>
          )}
        </Box>
        {file && file.mediaType === undefined && (
          <Alert severity="warning" role="alert">
            {translate(`${T}.unsupported`, { name: file.file.name })}
          </Alert>
        )}
        <ImportProgress state={state} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.close')}
        </Button>
        <Button
          variant="contained"
          disabled={busy || !file?.mediaType || state.phase === 'imported'}
          onClick={() => {
            if (file?.mediaType) void start(file.file, file.mediaType);
          }}
        >
          {translate(`${T}.start`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function ImportProgress({ state }: { state: ImportState }) {
  const translate = useTranslate();
  switch (state.phase) {
    case 'ready':
      return null;
    case 'uploading':
      return (
        <Box role="status">
          <Typography variant="body2">
            {state.fraction === null
              ? translate(`${T}.uploadingStarted`)
              : translate(`${T}.uploading`, { percent: Math.round(state.fraction * 100) })}
          </Typography>
          <LinearProgress
            variant={state.fraction === null ? 'indeterminate' : 'determinate'}
            value={(state.fraction ?? 0) * 100}
            aria-label={translate(`${T}.progress`)}
          />
        </Box>
      );
    case 'processing':
      return (
        <Box role="status">
          <Typography variant="body2">{translate(`${T}.processing`)}</Typography>
          <LinearProgress aria-label={translate(`${T}.progress`)} />
        </Box>
      );
    case 'imported':
      return <ImportSummary result={state.result} />;
    case 'rejected':
      return <ImportRejection problem={state.problem} />;
    case 'failed':
      return (
        <Alert severity="error" role="alert">
          {translate(`${T}.failed`, { message: state.message })}
        </Alert>
      );
  }
}

function ImportSummary({ result }: { result: ImportResult }) {
  const translate = useTranslate();
  const labels = usePolicyLabels();
  const tiers = Object.entries(result.tiers)
    .map(([tier, count]) => `${tier === 'none' ? translate('tierwise.customers.noTier') : `${tier} (${labels.tierLabel(tier)})`}: ${count}`)
    .join(', ');
  return (
    <Alert severity="success" role="status" data-testid="import-result">
      <AlertTitle>{translate(`${T}.imported`, { smart_count: result.imported, count: result.imported })}</AlertTitle>
      <div>{translate(`${T}.counts`, { created: result.created, updated: result.updated, unchanged: result.unchanged })}</div>
      <div>{translate(`${T}.tierChanges`, { count: result.tierChanges })}</div>
      {tiers && <div>{translate(`${T}.perTier`, { tiers })}</div>}
      <div>{translate(`${T}.gradedBy`, { policy: result.policy.id, version: result.policy.version ?? '?' })}</div>
    </Alert>
  );
}

function ImportRejection({ problem }: { problem: ImportProblem }) {
  const translate = useTranslate();
  const labels = usePolicyLabels();
  const errors = problem.errors ?? [];
  const where = (path: string) => {
    const place = importErrorPlace(path);
    switch (place.kind) {
      case 'fact':
        return labels.factLabel(place.name) === place.name ? place.name : `${labels.factLabel(place.name)} (${place.name})`;
      case 'field':
        return translate(`tierwise.customers.fields.${place.name}`, { _: place.name });
      case 'column':
        return place.index === null ? translate(`${T}.columns`) : translate(`${T}.column`, { index: place.index });
      case 'row':
        return translate(`${T}.wholeRow`);
    }
  };
  return (
    <Box>
      <Alert severity="error" role="alert" sx={{ mb: 1 }}>
        <AlertTitle>{translate(problem.code === 'import-rejected' ? `${T}.rejected` : `${T}.refused`)}</AlertTitle>
        {problem.detail}
        {problem.totalErrors !== undefined && errors.length < problem.totalErrors && (
          <div>{translate(`${T}.firstListed`, { shown: errors.length, total: problem.totalErrors })}</div>
        )}
      </Alert>
      {errors.length > 0 && (
        <TableContainer sx={{ maxHeight: 360 }}>
          <Table size="small" stickyHeader aria-label={translate(`${T}.report`)}>
            <TableHead>
              <TableRow>
                <TableCell>{translate(`${T}.line`)}</TableCell>
                <TableCell>{translate(`${T}.customer`)}</TableCell>
                <TableCell>{translate(`${T}.field`)}</TableCell>
                <TableCell>{translate(`${T}.message`)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {errors.map((error, index) => (
                <TableRow key={index}>
                  <TableCell>{error.line}</TableCell>
                  <TableCell>{error.customerId ?? '—'}</TableCell>
                  <TableCell>{where(error.path)}</TableCell>
                  <TableCell>{error.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
