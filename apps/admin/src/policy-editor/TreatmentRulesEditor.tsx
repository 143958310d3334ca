import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import type { PolicyDocument, Treatment, TreatmentRule } from '@tierwise/policy';
import { useTranslate } from 'react-admin';
import { ConditionBuilder } from '../condition-builder/ConditionBuilder';
import { setOptional, uniqueName, type DocumentEdit } from './document-edits';
import { EditorSection } from './EditorSection';
import { FieldFindings, findingsText, useFindingsAt } from './findings-context';
import { IdAndLabelFields } from './IdAndLabelFields';
import { formatList, formatOptional, ParsedTextField, parseList, parseOptionalNumber } from './ParsedTextField';
import { KNOWN_TREATMENT_TYPES, TreatmentParamsForm } from './TreatmentParamsForm';

const OTHER = '__other__';

/** Treatment rules: id, label, priority, conditions (condition builder), the treatments given, suppressions and the agent's explanation. */
export function TreatmentRulesEditor({ document, edit, readOnly }: { document: PolicyDocument; edit: DocumentEdit; readOnly: boolean }) {
  const translate = useTranslate();
  const rules = Array.isArray(document.treatments) ? document.treatments : [];
  const editRule = (index: number, mutate: (rule: TreatmentRule) => void) =>
    edit((draft) => {
      const rule = draft.treatments?.[index];
      if (rule) mutate(rule);
    });
  return (
    <EditorSection
      name="treatments"
      title={translate('tierwise.policyEditor.treatments.title')}
      pointer="/treatments"
      readOnly={readOnly}
      addLabel={translate('tierwise.policyEditor.treatments.add')}
      onAdd={() =>
        edit((draft) => {
          const id = uniqueName(
            'rule',
            (draft.treatments ?? []).map((rule) => rule.id),
          );
          const rule: TreatmentRule = {
            id,
            label: { en: id },
            priority: 10,
            conditions: { all: [] },
            treatments: [{ type: 'queue', params: { priority: 5, greenChannel: false } }],
            explanation: id,
          };
          draft.treatments = [...(draft.treatments ?? []), rule];
        })
      }
    >
      <Stack spacing={1}>
        {rules.map((rule, index) => (
          <TreatmentRuleCard
            key={index}
            index={index}
            rule={rule}
            document={document}
            readOnly={readOnly}
            onEdit={(mutate) => editRule(index, mutate)}
            onRemove={() => edit((draft) => void draft.treatments?.splice(index, 1))}
          />
        ))}
      </Stack>
    </EditorSection>
  );
}

interface TreatmentRuleCardProps {
  index: number;
  rule: TreatmentRule;
  document: PolicyDocument;
  readOnly: boolean;
  onEdit: (mutate: (rule: TreatmentRule) => void) => void;
  onRemove: () => void;
}

function TreatmentRuleCard({ index, rule, document, readOnly, onEdit, onRemove }: TreatmentRuleCardProps) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.policyEditor.treatments.${key}`, options);
  const at = `/treatments/${index}`;
  const problems = (key: string, deep = false) => findingsText(useFindingsAt(`${at}/${key}`, deep));
  const priorityProblems = problems('priority');
  const explanationProblems = problems('explanation');
  const suppressProblems = problems('suppress', true);
  const treatments = Array.isArray(rule.treatments) ? rule.treatments : [];
  const editTreatment = (i: number, mutate: (treatment: Treatment) => void) =>
    onEdit((draft) => {
      const treatment = draft.treatments[i];
      if (treatment) mutate(treatment);
    });
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} role="group" aria-label={`${t('id')} ${rule.id}`}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <IdAndLabelFields
          at={at}
          item={rule}
          readOnly={readOnly}
          onEdit={onEdit}
          texts={{ id: t('id'), labelEn: t('labelEn'), labelZh: t('labelZh') }}
        />
        <ParsedTextField<number | string | undefined>
          size="small"
          sx={{ width: 100 }}
          label={t('priority')}
          value={rule.priority}
          disabled={readOnly}
          error={Boolean(priorityProblems)}
          helperText={priorityProblems}
          parse={parseOptionalNumber}
          format={formatOptional}
          onChange={(value) => onEdit((draft) => void (draft.priority = value as number))}
        />
        {!readOnly && (
          <IconButton aria-label={t('remove', { id: rule.id })} onClick={onRemove}>
            <DeleteIcon />
          </IconButton>
        )}
      </Stack>
      <TextField
        size="small"
        fullWidth
        sx={{ mt: 1 }}
        label={t('explanation')}
        value={rule.explanation ?? ''}
        disabled={readOnly}
        error={Boolean(explanationProblems)}
        helperText={explanationProblems}
        onChange={(event) => onEdit((draft) => void (draft.explanation = event.target.value))}
      />
      <FieldFindings pointer={at} />
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {t('conditions', { id: rule.id })}
      </Typography>
      <FieldFindings pointer={`${at}/conditions`} deep />
      <ConditionBuilder
        conditions={rule.conditions ?? { all: [] }}
        document={document}
        scope="treatment"
        label={t('conditions', { id: rule.id })}
        disabled={readOnly}
        onChange={(conditions) => onEdit((draft) => void (draft.conditions = conditions))}
      />
      {treatments.map((treatment, i) => {
        const known = Object.hasOwn(KNOWN_TREATMENT_TYPES, treatment.type);
        return (
          <Box key={i} sx={{ mt: 1, pl: 1, borderLeft: 3, borderColor: 'primary.light' }}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
              <TextField
                select
                size="small"
                sx={{ minWidth: 180 }}
                label={`${t('treatment')} ${i + 1}`}
                value={known ? treatment.type : OTHER}
                disabled={readOnly}
                onChange={(event) =>
                  editTreatment(i, (draft) => {
                    if (event.target.value === OTHER) draft.type = 'other';
                    else draft.type = event.target.value;
                    draft.params = {};
                  })
                }
              >
                {Object.keys(KNOWN_TREATMENT_TYPES).map((type) => (
                  <MenuItem key={type} value={type}>
                    {t(`types.${type}`)}
                  </MenuItem>
                ))}
                <MenuItem value={OTHER}>{t('types.other')}</MenuItem>
              </TextField>
              {!known && (
                <TextField
                  size="small"
                  label={t('type')}
                  value={treatment.type ?? ''}
                  disabled={readOnly}
                  onChange={(event) => editTreatment(i, (draft) => void (draft.type = event.target.value))}
                />
              )}
              {!readOnly && (
                <IconButton
                  aria-label={t('removeTreatment', { type: treatment.type })}
                  onClick={() => onEdit((draft) => void draft.treatments.splice(i, 1))}
                >
                  <DeleteIcon />
                </IconButton>
              )}
            </Stack>
            <TreatmentParamsForm
              type={treatment.type}
              params={treatment.params ?? {}}
              readOnly={readOnly}
              owner={`${rule.id} ${treatment.type}`}
              onChange={(params) => editTreatment(i, (draft) => void (draft.params = params))}
            />
            <FieldFindings pointer={`${at}/treatments/${i}`} deep />
          </Box>
        );
      })}
      {!readOnly && (
        <Button size="small" onClick={() => onEdit((draft) => void draft.treatments.push({ type: 'queue', params: {} }))}>
          {t('addTreatment')}
        </Button>
      )}
      <ParsedTextField<string[] | undefined>
        size="small"
        fullWidth
        sx={{ mt: 1 }}
        label={t('suppress')}
        value={rule.suppress}
        disabled={readOnly}
        error={Boolean(suppressProblems)}
        helperText={suppressProblems}
        parse={(text) => (text.trim() === '' ? undefined : parseList(text))}
        format={formatList}
        onChange={(value) => onEdit((draft) => setOptional(draft, 'suppress', value))}
      />
    </Paper>
  );
}
