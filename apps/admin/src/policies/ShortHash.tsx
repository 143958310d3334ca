import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Box, IconButton, Tooltip } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { shortHash } from './version-rules';

/** A version's hash, shortened; the full value on hover and a button that copies it. */
export function ShortHash({ hash }: { hash: string | null }) {
  const translate = useTranslate();
  const notify = useNotify();
  if (!hash) return <span>{translate('tierwise.policies.none')}</span>;
  const copy = () =>
    navigator.clipboard.writeText(hash).then(
      () => notify('tierwise.policies.notify.hashCopied', { type: 'info' }),
      () => notify(hash, { type: 'info' }),
    );
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      <Tooltip title={hash}>
        <Box component="code" sx={{ fontSize: '0.85em' }} data-hash={hash}>
          {shortHash(hash)}
        </Box>
      </Tooltip>
      <IconButton size="small" aria-label={translate('tierwise.policies.actions.copyHash')} onClick={() => void copy()}>
        <ContentCopyIcon fontSize="inherit" />
      </IconButton>
    </Box>
  );
}
