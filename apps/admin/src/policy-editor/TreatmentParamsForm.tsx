import { Checkbox, FormControlLabel, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatOptional, ParsedTextField, parseOptionalNumber } from './ParsedTextField';

type Params = Record<string, unknown>;

interface ParamSpec {
  key: string;
  kind: 'number' | 'boolean' | 'text';
  label: string;
}

/** The treatment types the call centre understands, each with the parameters it reads. */
export const KNOWN_TREATMENT_TYPES: Readonly<Record<string, readonly ParamSpec[]>> = {
  accountManager: [{ key: 'dedicated', kind: 'boolean', label: 'dedicated' }],
  queue: [
    { key: 'priority', kind: 'number', label: 'queuePriority' },
    { key: 'greenChannel', kind: 'boolean', label: 'greenChannel' },
    { key: 'slaSeconds', kind: 'number', label: 'slaSeconds' },
    { key: 'slaTarget', kind: 'number', label: 'slaTarget' },
    { key: 'callbackWithinHours', kind: 'number', label: 'callbackWithinHours' },
  ],
  fee: [
    { key: 'amount', kind: 'number', label: 'amount' },
    { key: 'currency', kind: 'text', label: 'currency' },
    { key: 'period', kind: 'text', label: 'period' },
  ],
  blacklist: [{ key: 'reason', kind: 'text', label: 'reason' }],
};

interface TreatmentParamsFormProps {
  type: string;
  params: Params;
  readOnly: boolean;
  /** Names the rule and treatment, so each field's accessible name is unique on the page. */
  owner: string;
  onChange: (params: Params) => void;
}

/** A small form per known treatment type; other types (and parameters a form does not know) as JSON. */
export function TreatmentParamsForm({ type, params, readOnly, owner, onChange }: TreatmentParamsFormProps) {
  const translate = useTranslate();
  const specs = Object.hasOwn(KNOWN_TREATMENT_TYPES, type) ? KNOWN_TREATMENT_TYPES[type] : undefined;
  const set = (key: string, value: unknown) => {
    const next = { ...params };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const known = new Set((specs ?? []).map((spec) => spec.key));
  const extra = Object.fromEntries(Object.entries(params ?? {}).filter(([key]) => !known.has(key)));
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      {(specs ?? []).map((spec) => {
        const label = translate(`tierwise.policyEditor.treatments.${spec.label}`);
        const accessible = `${label} (${owner})`;
        if (spec.kind === 'boolean')
          return (
            <FormControlLabel
              key={spec.key}
              label={label}
              control={
                <Checkbox
                  checked={params[spec.key] === true}
                  disabled={readOnly}
                  slotProps={{ input: { 'aria-label': accessible } }}
                  onChange={(event) => set(spec.key, event.target.checked)}
                />
              }
            />
          );
        if (spec.kind === 'number')
          return (
            <ParsedTextField<unknown>
              key={spec.key}
              size="small"
              sx={{ width: 200 }}
              label={label}
              value={params[spec.key]}
              disabled={readOnly}
              slotProps={{ htmlInput: { 'aria-label': accessible } }}
              parse={parseOptionalNumber}
              format={formatOptional}
              onChange={(value) => set(spec.key, value)}
            />
          );
        return (
          <TextField
            key={spec.key}
            size="small"
            label={label}
            value={typeof params[spec.key] === 'string' ? params[spec.key] : formatOptional(params[spec.key])}
            disabled={readOnly}
            slotProps={{ htmlInput: { 'aria-label': accessible } }}
            onChange={(event) => set(spec.key, event.target.value === '' ? undefined : event.target.value)}
          />
        );
      })}
      {(!specs || Object.keys(extra).length > 0) && (
        <ParsedTextField<unknown>
          size="small"
          multiline
          sx={{ minWidth: 320 }}
          label={translate('tierwise.policyEditor.treatments.params')}
          value={extra}
          disabled={readOnly}
          slotProps={{ htmlInput: { 'aria-label': `${translate('tierwise.policyEditor.treatments.params')} (${owner})` } }}
          parse={parseJsonObject}
          format={(value) => JSON.stringify(value)}
          onChange={(value) => {
            // Text that is not yet a JSON object keeps the last good parameters.
            if (typeof value === 'object' && value !== null) onChange({ ...knownParams(params, known), ...(value as Params) });
          }}
        />
      )}
    </Stack>
  );
}

function knownParams(params: Params, known: ReadonlySet<string>): Params {
  return Object.fromEntries(Object.entries(params).filter(([key]) => known.has(key)));
}

function parseJsonObject(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : text;
  } catch {
    return text;
  }
}
