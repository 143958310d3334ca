import Box from '@mui/material/Box';
import { QueryBuilderMaterial } from '@react-querybuilder/material';
import type { PolicyDocument, TopLevelCondition } from '@tierwise/policy';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { prepareRuleGroup, QueryBuilder, type Translations, type ValueEditorType } from 'react-querybuilder';
import { fieldsFor, LIST_OPERATORS, type ConditionScope, type PolicyField } from './builder-fields';
import { coerceEditedRules, objectsIn } from './coerce-rule-values';
import { PathFieldSelector } from './PathFieldSelector';
import type { PolicyRuleGroup } from './policy-query';
import { toConditions } from './to-conditions';
import { toRuleGroup } from './to-rule-group';

export interface ConditionBuilderProps {
  conditions: TopLevelCondition;
  onChange: (conditions: TopLevelCondition) => void;
  /** The policy being edited: its facts, criteria and tiers are what a condition can test. */
  document: PolicyDocument;
  scope: ConditionScope;
  /** Accessible name of the whole builder, e.g. "Conditions of tier A". */
  label: string;
  disabled?: boolean;
}

/**
 * A visual editor of one json-rules-engine condition (all / any / not groups of fact conditions).
 * The builder keeps its own query so ids stay stable while the user types; it takes the conditions
 * from outside again only when they change elsewhere (the JSON tab, a reload).
 */
export function ConditionBuilder({ conditions, onChange, document, scope, label, disabled = false }: ConditionBuilderProps) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const fields = useMemo(
    () =>
      fieldsFor(document, scope, locale, {
        score: translate('tierwise.policyEditor.builder.score'),
        tier: translate('tierwise.policyEditor.builder.tier'),
        points: translate('tierwise.policyEditor.builder.points'),
      }).map((field) => ({
        ...field,
        operators: (field.operators as { name: string }[]).map(({ name }) => ({
          name,
          value: name,
          label: translate(`tierwise.policyEditor.operators.${name}`, { _: name }),
        })),
      })),
    [document, scope, locale, translate],
  );
  const fieldMap = useMemo(() => new Map(fields.map((field) => [field.name, field as PolicyField])), [fields]);

  const emitted = useRef(JSON.stringify(conditions));
  const [query, setQuery] = useState<PolicyRuleGroup>(() => prepareRuleGroup(toRuleGroup(conditions)));
  useEffect(() => {
    const incoming = JSON.stringify(conditions);
    if (incoming === emitted.current) return;
    emitted.current = incoming;
    setQuery(prepareRuleGroup(toRuleGroup(conditions)));
  }, [conditions]);

  const handleQueryChange = (next: PolicyRuleGroup) => {
    const coerced = coerceEditedRules(next, objectsIn(query), fieldMap);
    setQuery(next);
    const result = toConditions(coerced);
    emitted.current = JSON.stringify(result);
    onChange(result);
  };

  const translations: Partial<Translations> = useMemo(
    () => ({
      addRule: { label: translate('tierwise.policyEditor.builder.addRule'), title: translate('tierwise.policyEditor.builder.addRule') },
      addGroup: { label: translate('tierwise.policyEditor.builder.addGroup'), title: translate('tierwise.policyEditor.builder.addGroup') },
      removeRule: { label: '⨯', title: translate('tierwise.policyEditor.builder.removeRule') },
      removeGroup: { label: '⨯', title: translate('tierwise.policyEditor.builder.removeGroup') },
      notToggle: { label: translate('tierwise.policyEditor.builder.not'), title: translate('tierwise.policyEditor.builder.not') },
      fields: { title: translate('tierwise.policyEditor.builder.fact'), placeholderLabel: '', placeholderGroupLabel: '' },
      operators: { title: translate('tierwise.policyEditor.builder.operator'), placeholderLabel: '', placeholderGroupLabel: '' },
      value: { title: translate('tierwise.policyEditor.builder.value') },
      valueSourceSelector: { title: translate('tierwise.policyEditor.builder.valueSource') },
      combinators: { title: translate('tierwise.policyEditor.builder.combinator') },
    }),
    [translate],
  );
  const combinators = useMemo(
    () => [
      { name: 'and', value: 'and', label: translate('tierwise.policyEditor.builder.all') },
      { name: 'or', value: 'or', label: translate('tierwise.policyEditor.builder.any') },
    ],
    [translate],
  );

  return (
    <Box role="group" aria-label={label} sx={{ '& .ruleGroup': { p: 1, border: 1, borderColor: 'divider', borderRadius: 1 } }}>
      <QueryBuilderMaterial showInputLabels>
        <QueryBuilder
          fields={fields}
          query={query}
          onQueryChange={handleQueryChange}
          combinators={combinators}
          translations={translations}
          controlElements={{ fieldSelector: PathFieldSelector }}
          getValueEditorType={(field, operator) => valueEditorType(fieldMap.get(field), operator)}
          showNotToggle
          enableMountQueryChange={false}
          listsAsArrays
          parseNumbers="strict-limited"
          disabled={disabled}
          resetOnFieldChange
        />
      </QueryBuilderMaterial>
    </Box>
  );
}

function valueEditorType(field: PolicyField | undefined, operator: string): ValueEditorType {
  if (!field) return 'text';
  if (field.kind === 'boolean') return 'checkbox';
  if (field.values && field.values.length > 0) return LIST_OPERATORS.has(operator) ? 'multiselect' : 'select';
  return 'text';
}
