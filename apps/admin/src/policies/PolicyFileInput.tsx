import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, FormHelperText, Stack, Typography } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useTranslate } from 'react-admin';
import { parsePolicyFile } from './create-policy-form';

export interface UploadedPolicy {
  fileName: string;
  document: Record<string, unknown>;
}

/**
 * An optional policy document from a JSON file (such as rules/examples/value-matrix/policy.json): read in the
 * browser, checked to be a JSON object; the api lints it once it is a draft. `error` is the api's word on it.
 */
export function PolicyFileInput({
  value,
  onChange,
  error,
}: {
  value: UploadedPolicy | null;
  onChange: (value: UploadedPolicy | null) => void;
  error?: string;
}) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.policies.create.${key}`, options);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const read = parsePolicyFile(await file.text());
    if ('error' in read) {
      setUnreadable(t(read.error, { file: file.name }));
      onChange(null);
    } else {
      setUnreadable(null);
      onChange({ fileName: file.name, document: read.document });
    }
  };
  const problem = unreadable ?? error;
  return (
    <Box sx={{ mt: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
          {t('file')}
          <input type="file" accept=".json,application/json" hidden onChange={(event) => void pick(event)} />
        </Button>
        {value && <Button onClick={() => onChange(null)}>{t('removeFile')}</Button>}
      </Stack>
      <Typography variant="body2" sx={{ mt: 1 }} role="status">
        {value ? t('fileChosen', { file: value.fileName }) : t('noFile')}
      </Typography>
      {problem && <FormHelperText error>{problem}</FormHelperText>}
    </Box>
  );
}
