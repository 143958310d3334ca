import type { FactDefinition, Label } from '@tierwise/policy';
import { DateInput, NullableBooleanInput, NumberInput, SelectInput, TextInput, useTranslate, type Validator } from 'react-admin';
import { checkFact } from './fact-validation';
import { factValueText } from './fact-value-text';

const T = 'tierwise.customers.edit';

/** A react-admin validator from the catalogue; `isRequired` puts react-admin's asterisk on the label. */
export function factValidator(definition: FactDefinition): Validator {
  const validate = (value: unknown) => {
    const problem = checkFact(definition, value);
    return problem && { message: problem.message, args: problem.args ?? {} };
  };
  return Object.assign(validate, { isRequired: definition.required === true });
}

/** One fact's input, chosen by its type in the catalogue, validated as the user types. */
export function FactInput({
  name,
  definition,
  localize,
}: {
  name: string;
  definition: FactDefinition;
  localize: (label: Label | undefined, fallback: string) => string;
}) {
  const translate = useTranslate();
  const source = `facts.${name}`;
  const label = localize(definition.label, name);
  const validate = factValidator(definition);
  const yesNo = (value: boolean) => translate(value ? 'tierwise.customers.yes' : 'tierwise.customers.no');
  const fallback = definition.default === undefined ? undefined : factValueText(definition, definition.default, localize, yesNo);
  const hints = [rangeHint(definition, translate), fallback === undefined ? undefined : translate(`${T}.defaultIs`, { value: fallback })];
  const helperText = hints.filter(Boolean).join(' · ') || false;
  const common = { source, label, validate, helperText, fullWidth: true } as const;
  const notSet = fallback === undefined ? translate(`${T}.notSet`) : translate(`${T}.notSetDefault`, { value: fallback });
  switch (definition.type) {
    case 'number':
    case 'integer':
      return <NumberInput {...common} step={definition.type === 'integer' ? 1 : 'any'} />;
    case 'boolean':
      return (
        <NullableBooleanInput
          {...common}
          nullLabel={notSet}
          trueLabel={translate('tierwise.customers.yes')}
          falseLabel={translate('tierwise.customers.no')}
        />
      );
    case 'date':
      return <DateInput {...common} />;
    case 'string':
      if (!definition.enum) return <TextInput {...common} />;
      return (
        <SelectInput
          {...common}
          choices={definition.enum.map((value) => ({ id: value, name: localize(definition.enumLabels?.[value], value) }))}
          emptyText={notSet}
          translateChoice={false}
        />
      );
  }
}

function rangeHint(definition: FactDefinition, translate: (key: string, options?: object) => string): string | undefined {
  const { min, max } = definition;
  if (min !== undefined && max !== undefined) return translate(`${T}.rangeBoth`, { min, max });
  if (min !== undefined) return translate(`${T}.rangeMin`, { min });
  if (max !== undefined) return translate(`${T}.rangeMax`, { max });
  return undefined;
}
