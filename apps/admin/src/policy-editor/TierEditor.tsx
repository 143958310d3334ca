import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Paper, Stack, Typography } from '@mui/material';
import type { PolicyDocument, Tier } from '@tierwise/policy';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { ConditionBuilder } from '../condition-builder/ConditionBuilder';
import { uniqueName, type DocumentEdit } from './document-edits';
import { EditorSection } from './EditorSection';
import { FieldFindings, findingsText, useFindingsAt } from './findings-context';
import { IdAndLabelFields } from './IdAndLabelFields';
import { formatOptional, ParsedTextField, parseOptionalNumber } from './ParsedTextField';
import { thresholdConditions, thresholdOf } from './tier-threshold';

/** The tiers in order: a score threshold as a number where that is the whole condition, else the condition builder. */
export function TierEditor({ document, edit, readOnly }: { document: PolicyDocument; edit: DocumentEdit; readOnly: boolean }) {
  const translate = useTranslate();
  const tiers = Array.isArray(document.grading?.tiers) ? document.grading.tiers : [];
  const editTier = (index: number, mutate: (tier: Tier) => void) =>
    edit((draft) => {
      const tier = draft.grading.tiers[index];
      if (tier) mutate(tier);
    });
  return (
    <EditorSection
      name="tiers"
      title={translate('tierwise.policyEditor.tiers.title')}
      pointer="/grading/tiers"
      readOnly={readOnly}
      addLabel={translate('tierwise.policyEditor.tiers.add')}
      onAdd={() =>
        edit((draft) => {
          const id = uniqueName(
            'T',
            draft.grading.tiers.map((tier) => tier.id),
          );
          // New tiers go before the catch-all, which must stay last.
          const last = draft.grading.tiers.at(-1);
          const at = last && !last.conditions ? draft.grading.tiers.length - 1 : draft.grading.tiers.length;
          draft.grading.tiers.splice(at, 0, { id, label: { en: id }, conditions: thresholdConditions(0) });
        })
      }
    >
      <Stack spacing={1}>
        {tiers.map((tier, index) => (
          <TierCard
            key={index}
            index={index}
            tier={tier}
            document={document}
            readOnly={readOnly}
            onEdit={(mutate) => editTier(index, mutate)}
            onRemove={() => edit((draft) => void draft.grading.tiers.splice(index, 1))}
          />
        ))}
      </Stack>
    </EditorSection>
  );
}

interface TierCardProps {
  index: number;
  tier: Tier;
  document: PolicyDocument;
  readOnly: boolean;
  onEdit: (mutate: (tier: Tier) => void) => void;
  onRemove: () => void;
}

function TierCard({ index, tier, document, readOnly, onEdit, onRemove }: TierCardProps) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.policyEditor.tiers.${key}`, options);
  const at = `/grading/tiers/${index}`;
  const threshold = thresholdOf(tier.conditions);
  const [asConditions, setAsConditions] = useState(false);
  const showThreshold = threshold !== undefined && !asConditions;
  const thresholdProblems = findingsText(useFindingsAt(`${at}/conditions`, true));
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <IdAndLabelFields
          at={at}
          item={tier}
          readOnly={readOnly}
          onEdit={onEdit}
          texts={{ id: t('id'), labelEn: t('labelEn'), labelZh: t('labelZh') }}
          idWidth={120}
        />
        {showThreshold && (
          <ParsedTextField<number | string | undefined>
            size="small"
            type="number"
            sx={{ width: 200 }}
            label={t('threshold', { id: tier.id })}
            value={threshold}
            disabled={readOnly}
            error={Boolean(thresholdProblems)}
            helperText={thresholdProblems ?? t('thresholdHelp')}
            parse={parseOptionalNumber}
            format={formatOptional}
            onChange={(value) => onEdit((draft) => void (draft.conditions = thresholdConditions(value ?? '')))}
          />
        )}
        {!readOnly && tier.conditions && (
          <Button size="small" onClick={() => setAsConditions(!asConditions)} disabled={!asConditions && threshold === undefined}>
            {asConditions ? t('asThreshold') : t('asConditions')}
          </Button>
        )}
        {!readOnly && (
          <IconButton aria-label={t('remove', { id: tier.id })} onClick={onRemove}>
            <DeleteIcon />
          </IconButton>
        )}
      </Stack>
      <FieldFindings pointer={at} />
      {!tier.conditions && <Typography sx={{ mt: 1 }}>{t('catchAll')}</Typography>}
      {tier.conditions && !showThreshold && (
        <>
          <FieldFindings pointer={`${at}/conditions`} deep />
          <ConditionBuilder
            conditions={tier.conditions}
            document={document}
            scope="tier"
            label={t('conditions', { id: tier.id })}
            disabled={readOnly}
            onChange={(conditions) => onEdit((draft) => void (draft.conditions = conditions))}
          />
        </>
      )}
    </Paper>
  );
}
