import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A user may sign in unless disabled; said in words, not only by colour. */
export function EnabledField({ disabled }: { disabled: boolean }) {
  const translate = useTranslate();
  return disabled ? (
    <Chip size="small" color="default" label={translate('tierwise.users.disabled')} />
  ) : (
    <Chip size="small" color="success" variant="outlined" label={translate('tierwise.users.enabled')} />
  );
}
