import { Alert } from '@mui/material';
import type { PolicyDocument } from '@tierwise/policy';
import { useTranslate } from 'react-admin';
import type { DocumentEdit } from './document-edits';
import { FactCatalogueTable } from './FactCatalogueTable';
import { ScorecardEditor } from './ScorecardEditor';
import { TierEditor } from './TierEditor';
import { TreatmentRulesEditor } from './TreatmentRulesEditor';

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The form view of the draft: facts, scorecard, tiers, treatment rules. */
export function FormView({ document, edit, readOnly }: { document: PolicyDocument; edit: DocumentEdit; readOnly: boolean }) {
  const translate = useTranslate();
  // The form needs the document's skeleton; a draft without it (possible from the JSON view) is fixed there.
  if (!isObject(document.facts) || !isObject(document.grading) || !Array.isArray(document.grading.tiers))
    return <Alert severity="error">{translate('tierwise.policyEditor.formNeedsSkeleton')}</Alert>;
  return (
    <>
      <FactCatalogueTable document={document} edit={edit} readOnly={readOnly} />
      <ScorecardEditor document={document} edit={edit} readOnly={readOnly} />
      <TierEditor document={document} edit={edit} readOnly={readOnly} />
      <TreatmentRulesEditor document={document} edit={edit} readOnly={readOnly} />
    </>
  );
}
