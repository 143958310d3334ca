import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { PolicyVersionSummary } from './policy-types';

/** A select of a policy's versions: "v3 · draft". */
export function VersionPicker({
  label,
  versions,
  value,
  onChange,
}: {
  label: string;
  versions: PolicyVersionSummary[];
  value: number | undefined;
  onChange: (version: number) => void;
}) {
  const translate = useTranslate();
  return (
    <TextField
      select
      size="small"
      fullWidth={false}
      sx={{ minWidth: 220 }}
      label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(event) => onChange(Number(event.target.value))}
    >
      {versions.map((version) => (
        <MenuItem key={version.version} value={String(version.version)}>
          v{version.version} · {translate(`tierwise.policies.status.${version.status}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
