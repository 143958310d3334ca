import { TextField } from '@mui/material';
import type { Label } from '@tierwise/policy';
import { withLabel } from './document-edits';
import { findingsText, useFindingsAt } from './findings-context';

interface Named {
  id: string;
  label?: Label;
}

export interface IdAndLabelFieldsProps<T extends Named> {
  /** JSON pointer of the item: its id's and label's lint findings show under their fields. */
  at: string;
  item: T;
  readOnly: boolean;
  onEdit: (mutate: (draft: T) => void) => void;
  texts: { id: string; labelEn: string; labelZh: string };
  idWidth?: number;
}

/** The id and bilingual label every criterion, tier and treatment rule has, with their lint findings. */
export function IdAndLabelFields<T extends Named>({ at, item, readOnly, onEdit, texts, idWidth }: IdAndLabelFieldsProps<T>) {
  const idProblems = findingsText(useFindingsAt(`${at}/id`));
  const labelProblems = findingsText(useFindingsAt(`${at}/label`, true));
  return (
    <>
      <TextField
        size="small"
        sx={idWidth ? { width: idWidth } : undefined}
        label={texts.id}
        value={item.id ?? ''}
        disabled={readOnly}
        error={Boolean(idProblems)}
        helperText={idProblems}
        onChange={(event) => onEdit((draft) => void (draft.id = event.target.value))}
      />
      <TextField
        size="small"
        label={texts.labelEn}
        value={item.label?.en ?? ''}
        disabled={readOnly}
        error={Boolean(labelProblems)}
        helperText={labelProblems}
        onChange={(event) => onEdit((draft) => void (draft.label = withLabel(draft.label, 'en', event.target.value)))}
      />
      <TextField
        size="small"
        label={texts.labelZh}
        value={item.label?.zh ?? ''}
        disabled={readOnly}
        onChange={(event) => onEdit((draft) => void (draft.label = withLabel(draft.label, 'zh', event.target.value)))}
      />
    </>
  );
}
