import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import { DiffEditor } from '@monaco-editor/react';
import { useTranslate } from 'react-admin';
import './monaco-setup';
import type { PolicyVersionRecord } from './policy-version-api';

interface ConflictPanelProps {
  theirs: PolicyVersionRecord;
  mineText: string;
  busy: boolean;
  onOverwrite: () => void;
  onLoadTheirs: () => void;
  onDismiss: () => void;
}

/** Someone else saved first: both versions side by side, and the choice of which to keep. Nothing is thrown away until the user picks. */
export function ConflictPanel({ theirs, mineText, busy, onOverwrite, onLoadTheirs, onDismiss }: ConflictPanelProps) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.policyEditor.conflict.${key}`, options);
  const theirsText = JSON.stringify(theirs.document, null, 2);
  return (
    <Alert severity="warning" role="alert" sx={{ mb: 2, '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>{t('title')}</AlertTitle>
      <Typography sx={{ mb: 1 }}>{t('message', { revision: theirs.revision })}</Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 1 }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {t('theirs', { revision: theirs.revision, by: theirs.updatedBy ?? '?' })}
        </Typography>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {t('mine')}
        </Typography>
      </Stack>
      <Box sx={{ border: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <DiffEditor
          height="40vh"
          language="json"
          original={theirsText}
          modified={mineText}
          originalModelPath={`conflict-theirs-${theirs.revision}.json`}
          modifiedModelPath={`conflict-mine-${theirs.revision}.json`}
          // Kept: disposing the models before the diff widget lets go of them throws (a known @monaco-editor/react issue).
          keepCurrentOriginalModel
          keepCurrentModifiedModel
          options={{ readOnly: true, renderSideBySide: true, minimap: { enabled: false } }}
        />
      </Box>
      {/* The same two texts as plain text, for screen readers and for copying. */}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1 }}>
        <Box component="details" sx={{ flex: 1 }}>
          <summary>{t('theirs', { revision: theirs.revision, by: theirs.updatedBy ?? '?' })}</summary>
          <Box
            component="pre"
            aria-label={t('theirs', { revision: theirs.revision, by: theirs.updatedBy ?? '?' })}
            sx={{ maxHeight: 300, overflow: 'auto' }}
          >
            {theirsText}
          </Box>
        </Box>
        <Box component="details" sx={{ flex: 1 }}>
          <summary>{t('mine')}</summary>
          <Box component="pre" aria-label={t('mine')} sx={{ maxHeight: 300, overflow: 'auto' }}>
            {mineText}
          </Box>
        </Box>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button variant="contained" color="warning" disabled={busy} onClick={onOverwrite}>
          {t('overwrite')}
        </Button>
        <Button variant="outlined" disabled={busy} onClick={onLoadTheirs}>
          {t('loadTheirs')}
        </Button>
        <Button disabled={busy} onClick={onDismiss}>
          {t('dismiss')}
        </Button>
      </Stack>
    </Alert>
  );
}
