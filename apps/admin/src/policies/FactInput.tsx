import { Checkbox, FormControlLabel, FormHelperText, MenuItem, TextField, Box } from '@mui/material';
import type { ChangeEvent } from 'react';
import { useTranslate } from 'react-admin';
import type { FactDefinition } from './policy-types';
import type { DocumentLabels } from './use-document-labels';

interface FactInputProps {
  name: string;
  fact: FactDefinition;
  value: string | boolean;
  error: string | undefined;
  labels: DocumentLabels;
  onChange: (value: string | boolean) => void;
}

/** One fact of the catalogue as a form control: number, list of values, yes/no or date, labelled in the console's language. */
export function FactInput({ name, fact, value, error, labels, onChange }: FactInputProps) {
  const translate = useTranslate();
  const label = labels.fact(name);
  const helper = error ?? rangeHint(fact);
  if (fact.type === 'boolean') {
    return (
      <Box>
        <FormControlLabel
          control={<Checkbox checked={value === true} onChange={(event) => onChange(event.target.checked)} />}
          label={label}
        />
        {error && <FormHelperText error>{error}</FormHelperText>}
      </Box>
    );
  }
  const common = {
    label,
    name,
    value: String(value),
    error: Boolean(error),
    helperText: helper,
    size: 'small' as const,
    fullWidth: true,
    required: fact.required === true,
    onChange: (event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value),
  };
  if (fact.type === 'string' && fact.enum) {
    return (
      <TextField {...common} select>
        <MenuItem value="">
          <em>{translate('tierwise.policies.test.notGiven')}</em>
        </MenuItem>
        {fact.enum.map((option) => (
          <MenuItem key={option} value={option}>
            {labels.enumValue(name, option)}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  if (fact.type === 'date') {
    return <TextField {...common} type="date" slotProps={{ inputLabel: { shrink: true }, htmlInput: bounds(fact) }} />;
  }
  if (fact.type === 'number' || fact.type === 'integer') {
    return (
      <TextField {...common} type="number" slotProps={{ htmlInput: { ...bounds(fact), step: fact.type === 'integer' ? 1 : 'any' } }} />
    );
  }
  return <TextField {...common} />;
}

function bounds(fact: FactDefinition): { min?: number | string; max?: number | string } {
  return { ...(fact.min === undefined ? {} : { min: fact.min }), ...(fact.max === undefined ? {} : { max: fact.max }) };
}

/** "0 – 15", "≥ 0": what the policy accepts, under the field (the asterisk says "required"). */
function rangeHint(fact: FactDefinition): string | undefined {
  if (fact.min !== undefined && fact.max !== undefined) return `${fact.min} – ${fact.max}`;
  if (fact.min !== undefined) return `≥ ${fact.min}`;
  if (fact.max !== undefined) return `≤ ${fact.max}`;
  return undefined;
}
