import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, Stack, TextField } from '@mui/material';
import type { ConditionalPoints, PolicyDocument } from '@tierwise/policy';
import { useTranslate } from 'react-admin';
import { ConditionBuilder } from '../condition-builder/ConditionBuilder';
import { setOptional, uniqueName } from './document-edits';
import { FieldFindings } from './findings-context';
import { formatOptional, ParsedTextField, parseOptionalNumber } from './ParsedTextField';

type RulesPoints = { rules: ConditionalPoints[]; otherwise?: number };

interface PointsRulesEditorProps {
  at: string;
  points: RulesPoints;
  document: PolicyDocument;
  readOnly: boolean;
  onChange: (points: RulesPoints) => void;
}

/** A criterion whose points come from conditions: each rule's conditions -> points, and the points otherwise. */
export function PointsRulesEditor({ at, points, document, readOnly, onChange }: PointsRulesEditorProps) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.policyEditor.scorecard.${key}`, options);
  const rules = Array.isArray(points.rules) ? points.rules : [];
  const changeRule = (index: number, mutate: (rule: ConditionalPoints) => void) =>
    onChange({
      ...points,
      rules: rules.map((rule, i) => {
        if (i !== index) return rule;
        const next = structuredClone(rule);
        mutate(next);
        return next;
      }),
    });
  return (
    <Box sx={{ mt: 1 }}>
      {rules.map((rule, index) => (
        <Box key={index} sx={{ borderLeft: 3, borderColor: 'divider', pl: 1, mb: 1 }}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
            <TextField
              size="small"
              label={t('id')}
              value={rule.id ?? ''}
              disabled={readOnly}
              onChange={(event) => changeRule(index, (draft) => void (draft.id = event.target.value))}
            />
            <ParsedTextField<number | string | undefined>
              size="small"
              sx={{ width: 100 }}
              label={t('points')}
              value={rule.points}
              disabled={readOnly}
              parse={parseOptionalNumber}
              format={formatOptional}
              onChange={(value) => changeRule(index, (draft) => void (draft.points = value as number))}
            />
            <TextField
              size="small"
              label={t('reason')}
              value={rule.reason ?? ''}
              disabled={readOnly}
              onChange={(event) => changeRule(index, (draft) => setOptional(draft, 'reason', event.target.value || undefined))}
            />
            {!readOnly && (
              <IconButton
                aria-label={t('removeRule', { id: rule.id })}
                onClick={() => onChange({ ...points, rules: rules.filter((_, i) => i !== index) })}
              >
                <DeleteIcon />
              </IconButton>
            )}
          </Stack>
          <FieldFindings pointer={`${at}/rules/${index}`} deep />
          <ConditionBuilder
            conditions={rule.conditions}
            document={document}
            scope="criterion"
            label={t('ruleConditions', { id: rule.id })}
            disabled={readOnly}
            onChange={(conditions) => changeRule(index, (draft) => void (draft.conditions = conditions))}
          />
        </Box>
      ))}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        {!readOnly && (
          <Button
            size="small"
            onClick={() =>
              onChange({
                ...points,
                rules: [
                  ...rules,
                  {
                    id: uniqueName(
                      'rule',
                      rules.map((rule) => rule.id),
                    ),
                    conditions: { all: [] },
                    points: 0,
                  },
                ],
              })
            }
          >
            {t('addRule')}
          </Button>
        )}
        <ParsedTextField<number | string | undefined>
          size="small"
          sx={{ width: 160 }}
          label={t('otherwise')}
          value={points.otherwise}
          disabled={readOnly}
          parse={parseOptionalNumber}
          format={formatOptional}
          onChange={(value) => {
            const next = { ...points };
            setOptional(next, 'otherwise', value as number | undefined);
            onChange(next);
          }}
        />
      </Stack>
    </Box>
  );
}
