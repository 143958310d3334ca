import DeleteIcon from '@mui/icons-material/Delete';
import { IconButton, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import type { Band, Criterion, PointsSource, PolicyDocument } from '@tierwise/policy';
import { useTranslate } from 'react-admin';
import { BandsTable } from './BandsTable';
import { uniqueName, type DocumentEdit } from './document-edits';
import { EditorSection } from './EditorSection';
import { FieldFindings, findingsText, useFindingsAt } from './findings-context';
import { IdAndLabelFields } from './IdAndLabelFields';
import { ParsedTextField, formatOptional, parseOptionalNumber } from './ParsedTextField';
import { PointsRulesEditor } from './PointsRulesEditor';

type PointsKind = 'fact' | 'bands' | 'rules';

function kindOf(points: PointsSource | undefined): PointsKind {
  if (points && 'rules' in points) return 'rules';
  if (points && 'bands' in points) return 'bands';
  return 'fact';
}

/** The scorecard: one card per criterion (id, label, fact, max) with its bands or conditions, and the maximum total. */
export function ScorecardEditor({ document, edit, readOnly }: { document: PolicyDocument; edit: DocumentEdit; readOnly: boolean }) {
  const translate = useTranslate();
  const scorecard = Array.isArray(document.grading?.scorecard) ? document.grading.scorecard : undefined;
  const total = (scorecard ?? []).reduce((sum, criterion) => sum + (typeof criterion.max === 'number' ? criterion.max : 0), 0);
  const editCriterion = (index: number, mutate: (criterion: Criterion) => void) =>
    edit((draft) => {
      const criterion = draft.grading.scorecard?.[index];
      if (criterion) mutate(criterion);
    });
  return (
    <EditorSection
      name="scorecard"
      title={translate('tierwise.policyEditor.scorecard.title')}
      pointer="/grading/scorecard"
      readOnly={readOnly}
      addLabel={translate('tierwise.policyEditor.scorecard.add')}
      onAdd={() =>
        edit((draft) => {
          const id = uniqueName(
            'criterion',
            (draft.grading.scorecard ?? []).map((criterion) => criterion.id),
          );
          const fact = Object.keys(draft.facts ?? {})[0] ?? '';
          draft.grading.scorecard = [...(draft.grading.scorecard ?? []), { id, label: { en: id }, max: 10, points: { fact } }];
        })
      }
    >
      {scorecard ? (
        <Typography role="status" aria-live="polite" sx={{ mb: 1, fontWeight: 'bold' }}>
          {translate('tierwise.policyEditor.scorecard.total', { total })}
        </Typography>
      ) : (
        <Typography sx={{ mb: 1 }}>{translate('tierwise.policyEditor.scorecard.none')}</Typography>
      )}
      <Stack spacing={1}>
        {(scorecard ?? []).map((criterion, index) => (
          <CriterionCard
            key={index}
            index={index}
            criterion={criterion}
            document={document}
            readOnly={readOnly}
            onEdit={(mutate) => editCriterion(index, mutate)}
            onRemove={() =>
              edit((draft) => {
                draft.grading.scorecard?.splice(index, 1);
                if (draft.grading.scorecard?.length === 0) delete draft.grading.scorecard;
              })
            }
          />
        ))}
      </Stack>
    </EditorSection>
  );
}

interface CriterionCardProps {
  index: number;
  criterion: Criterion;
  document: PolicyDocument;
  readOnly: boolean;
  onEdit: (mutate: (criterion: Criterion) => void) => void;
  onRemove: () => void;
}

function CriterionCard({ index, criterion, document, readOnly, onEdit, onRemove }: CriterionCardProps) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.policyEditor.scorecard.${key}`, options);
  const at = `/grading/scorecard/${index}`;
  const maxProblems = findingsText(useFindingsAt(`${at}/max`));
  const factProblems = findingsText(useFindingsAt(`${at}/points/fact`));
  const kind = kindOf(criterion.points);
  const fact = criterion.points && 'fact' in criterion.points ? criterion.points.fact : '';
  const factType = document.facts?.[fact]?.type;
  const name = criterion.id || String(index + 1);
  const changeKind = (next: PointsKind) =>
    onEdit((draft) => {
      const currentFact = draft.points && 'fact' in draft.points ? draft.points.fact : (Object.keys(document.facts ?? {})[0] ?? '');
      const firstBand: Band = factType === 'string' || factType === 'boolean' ? { values: [], points: 0 } : { points: 0 };
      draft.points =
        next === 'fact'
          ? { fact: currentFact }
          : next === 'bands'
            ? { fact: currentFact, bands: [firstBand] }
            : { rules: [{ id: 'rule1', conditions: { all: [] }, points: 0 }] };
    });
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} role="group" aria-label={`${t('rule')} ${name}`}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <IdAndLabelFields
          at={at}
          item={criterion}
          readOnly={readOnly}
          onEdit={onEdit}
          texts={{ id: t('id'), labelEn: t('label'), labelZh: t('labelZh') }}
        />
        <ParsedTextField<number | string | undefined>
          size="small"
          sx={{ width: 110 }}
          label={t('max')}
          value={criterion.max}
          disabled={readOnly}
          error={Boolean(maxProblems)}
          helperText={maxProblems}
          parse={parseOptionalNumber}
          format={formatOptional}
          onChange={(value) => onEdit((draft) => void (draft.max = value as number))}
        />
        <TextField
          select
          size="small"
          sx={{ minWidth: 180 }}
          label={t('kind')}
          value={kind}
          disabled={readOnly}
          onChange={(event) => changeKind(event.target.value as PointsKind)}
        >
          {(['fact', 'bands', 'rules'] as const).map((option) => (
            <MenuItem key={option} value={option}>
              {t(`kinds.${option}`)}
            </MenuItem>
          ))}
        </TextField>
        {kind !== 'rules' && (
          <TextField
            select
            size="small"
            sx={{ minWidth: 180 }}
            label={t('fact')}
            value={Object.hasOwn(document.facts ?? {}, fact) ? fact : ''}
            disabled={readOnly}
            error={Boolean(factProblems)}
            helperText={factProblems}
            onChange={(event) => onEdit((draft) => void (draft.points = { ...draft.points, fact: event.target.value } as PointsSource))}
          >
            {Object.entries(document.facts ?? {}).map(([name, definition]) => (
              <MenuItem key={name} value={name}>
                {definition.label?.en ?? name} ({name})
              </MenuItem>
            ))}
          </TextField>
        )}
        {!readOnly && (
          <IconButton aria-label={t('remove', { id: name })} onClick={onRemove}>
            <DeleteIcon />
          </IconButton>
        )}
      </Stack>
      <FieldFindings pointer={at} />
      <FieldFindings pointer={`${at}/points`} />
      {criterion.points && 'bands' in criterion.points && (
        <BandsTable
          at={`${at}/points/bands`}
          name={name}
          bands={criterion.points.bands}
          valueFact={factType === 'string' || factType === 'boolean'}
          booleanFact={factType === 'boolean'}
          readOnly={readOnly}
          onChange={(bands) => onEdit((draft) => void (draft.points = { ...draft.points, bands } as PointsSource))}
        />
      )}
      {criterion.points && 'rules' in criterion.points && (
        <PointsRulesEditor
          at={`${at}/points`}
          points={criterion.points}
          document={document}
          readOnly={readOnly}
          onChange={(points) => onEdit((draft) => void (draft.points = points))}
        />
      )}
    </Paper>
  );
}
