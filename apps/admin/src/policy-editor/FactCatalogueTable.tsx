import { Box, Checkbox, IconButton, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import type { FactDefinition, FactType, PolicyDocument } from '@tierwise/policy';
import { useTranslate } from 'react-admin';
import { parseDefault, renameKey, setOptional, uniqueName, withLabel, type DocumentEdit } from './document-edits';
import { EditorSection } from './EditorSection';
import { FieldFindings, findingsText, useFindingsAt } from './findings-context';
import { formatList, formatOptional, ParsedTextField, parseList, parseOptionalNumber } from './ParsedTextField';

const FACT_TYPES: readonly FactType[] = ['number', 'integer', 'boolean', 'string', 'date'];

/** The fact catalogue as a table: one editable row per fact. */
export function FactCatalogueTable({ document, edit, readOnly }: { document: PolicyDocument; edit: DocumentEdit; readOnly: boolean }) {
  const translate = useTranslate();
  const facts = Object.entries(document.facts ?? {});
  const editFact = (name: string, mutate: (fact: FactDefinition) => void) =>
    edit((draft) => {
      const fact = draft.facts[name];
      if (fact) mutate(fact);
    });
  return (
    <EditorSection
      name="facts"
      title={translate('tierwise.policyEditor.facts.title')}
      pointer="/facts"
      readOnly={readOnly}
      addLabel={translate('tierwise.policyEditor.facts.add')}
      onAdd={() =>
        edit((draft) => {
          const name = uniqueName('newFact', Object.keys(draft.facts ?? {}));
          draft.facts = { ...draft.facts, [name]: { type: 'number', label: { en: name } } };
        })
      }
    >
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              {['name', 'type', 'min', 'max', 'enum', 'required', 'default', 'labelEn', 'labelZh'].map((column) => (
                <TableCell key={column}>{translate(`tierwise.policyEditor.facts.${column}`)}</TableCell>
              ))}
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {facts.map(([name, fact], row) => (
              <FactRow
                key={row}
                name={name}
                fact={fact}
                readOnly={readOnly}
                onRename={(to) => edit((draft) => void (draft.facts = renameKey(draft.facts, name, to)))}
                onEdit={(mutate) => editFact(name, mutate)}
                onRemove={() => edit((draft) => void delete draft.facts[name])}
              />
            ))}
          </TableBody>
        </Table>
      </Box>
    </EditorSection>
  );
}

interface FactRowProps {
  name: string;
  fact: FactDefinition;
  readOnly: boolean;
  onRename: (to: string) => void;
  onEdit: (mutate: (fact: FactDefinition) => void) => void;
  onRemove: () => void;
}

function FactRow({ name, fact, readOnly, onRename, onEdit, onRemove }: FactRowProps) {
  const translate = useTranslate();
  const at = `/facts/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const t = (key: string) => translate(`tierwise.policyEditor.facts.${key}`);
  const problems = (key: string) => findingsText(useFindingsAt(`${at}/${key}`, true));
  const nameProblems = findingsText(useFindingsAt(at));
  const minProblems = problems('min');
  const maxProblems = problems('max');
  const enumProblems = problems('enum');
  const defaultProblems = problems('default');
  const labelProblems = problems('label');
  const inputLabel = (key: string) => ({ 'aria-label': `${t(key)}: ${name}` });
  const ordered = fact.type !== 'boolean' && fact.type !== 'string';
  return (
    <>
      <TableRow>
        <TableCell>
          <TextField
            size="small"
            value={name}
            disabled={readOnly}
            error={Boolean(nameProblems)}
            helperText={nameProblems}
            slotProps={{ htmlInput: inputLabel('name') }}
            onChange={(event) => onRename(event.target.value)}
          />
        </TableCell>
        <TableCell>
          <TextField
            select
            size="small"
            value={fact.type}
            disabled={readOnly}
            slotProps={{ htmlInput: inputLabel('type') }}
            onChange={(event) => onEdit((draft) => void (draft.type = event.target.value as FactType))}
          >
            {FACT_TYPES.map((type) => (
              <MenuItem key={type} value={type}>
                {type}
              </MenuItem>
            ))}
          </TextField>
        </TableCell>
        {(['min', 'max'] as const).map((bound) => (
          <TableCell key={bound}>
            <ParsedTextField<number | string | undefined>
              size="small"
              sx={{ width: 110 }}
              value={fact[bound]}
              disabled={readOnly || !ordered}
              error={Boolean(bound === 'min' ? minProblems : maxProblems)}
              helperText={bound === 'min' ? minProblems : maxProblems}
              slotProps={{ htmlInput: inputLabel(bound) }}
              parse={(text) => (fact.type === 'date' ? text || undefined : parseOptionalNumber(text))}
              format={formatOptional}
              onChange={(value) => onEdit((draft) => setOptional(draft, bound, value))}
            />
          </TableCell>
        ))}
        <TableCell>
          <ParsedTextField<string[] | undefined>
            size="small"
            value={fact.enum}
            disabled={readOnly || fact.type !== 'string'}
            error={Boolean(enumProblems)}
            helperText={enumProblems}
            slotProps={{ htmlInput: inputLabel('enum') }}
            parse={(text) => (text.trim() === '' ? undefined : parseList(text))}
            format={formatList}
            onChange={(values) => onEdit((draft) => setOptional(draft, 'enum', values))}
          />
        </TableCell>
        <TableCell>
          <Checkbox
            checked={fact.required === true}
            disabled={readOnly}
            slotProps={{ input: inputLabel('required') }}
            onChange={(event) => onEdit((draft) => setOptional(draft, 'required', event.target.checked ? true : undefined))}
          />
        </TableCell>
        <TableCell>
          <ParsedTextField<FactDefinition['default']>
            size="small"
            sx={{ width: 110 }}
            value={fact.default}
            disabled={readOnly}
            error={Boolean(defaultProblems)}
            helperText={defaultProblems}
            slotProps={{ htmlInput: inputLabel('default') }}
            parse={(text) => parseDefault(text, fact)}
            format={formatOptional}
            onChange={(value) => onEdit((draft) => setOptional(draft, 'default', value))}
          />
        </TableCell>
        {(['en', 'zh'] as const).map((language) => (
          <TableCell key={language}>
            <TextField
              size="small"
              value={fact.label?.[language] ?? ''}
              disabled={readOnly}
              error={language === 'en' && Boolean(labelProblems)}
              helperText={language === 'en' ? labelProblems : undefined}
              slotProps={{ htmlInput: inputLabel(language === 'en' ? 'labelEn' : 'labelZh') }}
              onChange={(event) => onEdit((draft) => void (draft.label = withLabel(draft.label, language, event.target.value)))}
            />
          </TableCell>
        ))}
        <TableCell>
          {!readOnly && (
            <IconButton aria-label={translate('tierwise.policyEditor.facts.remove', { name })} onClick={onRemove}>
              <DeleteIcon />
            </IconButton>
          )}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={10} sx={{ py: 0, borderBottom: 0 }}>
          <FieldFindings pointer={`${at}/type`} />
        </TableCell>
      </TableRow>
    </>
  );
}
