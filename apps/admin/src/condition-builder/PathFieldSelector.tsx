import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { MaterialValueSelector } from '@react-querybuilder/material';
import { useTranslate } from 'react-admin';
import { update, type FieldSelectorProps } from 'react-querybuilder';
import type { PolicyField } from './builder-fields';
import type { PolicyRule } from './policy-query';

/**
 * The fact selector, plus json-rules-engine's `path` where a fact is structured:
 * `points` asks which criterion (`$.growth`). A path on any other fact is shown as text so it is not lost from sight.
 */
export function PathFieldSelector(props: FieldSelectorProps) {
  const translate = useTranslate();
  const rule = props.rule as PolicyRule | undefined;
  const field = props.options.find((option) => 'name' in option && option.name === props.value) as PolicyField | undefined;
  const setPath = (factPath: string) => props.schema.dispatchQuery(update(props.schema.getQuery(), 'factPath', factPath, props.path));
  const label = translate('tierwise.policyEditor.builder.criterion');
  return (
    <>
      <MaterialValueSelector {...props} />
      {field?.paths ? (
        <TextField
          select
          size="small"
          variant="standard"
          label={label}
          value={rule?.factPath ?? ''}
          disabled={props.disabled}
          onChange={(event) => setPath(event.target.value)}
          sx={{ minWidth: 160 }}
        >
          {field.paths.map(({ path, label: criterion }) => (
            <MenuItem key={path} value={path}>
              {criterion}
            </MenuItem>
          ))}
        </TextField>
      ) : rule?.factPath !== undefined ? (
        <TextField
          size="small"
          variant="standard"
          label={translate('tierwise.policyEditor.builder.path')}
          value={rule.factPath}
          disabled={props.disabled}
          onChange={(event) => setPath(event.target.value)}
        />
      ) : null}
    </>
  );
}
