import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Band, NumberBand } from '@tierwise/policy';
import { useTranslate } from 'react-admin';
import { setOptional } from './document-edits';
import { FieldFindings, findingsText, useFindingsAt } from './findings-context';
import { formatList, formatOptional, ParsedTextField, parseList, parseOptionalNumber } from './ParsedTextField';

interface BandsTableProps {
  at: string;
  name: string;
  bands: Band[];
  /** Bands listing values (text and yes/no facts) rather than numeric ranges. */
  valueFact: boolean;
  booleanFact: boolean;
  readOnly: boolean;
  onChange: (bands: Band[]) => void;
}

/** A criterion's bands: from (at least) / below -> points, or listed values -> points; rows can be added and removed. */
export function BandsTable({ at, name, bands, valueFact, booleanFact, readOnly, onChange }: BandsTableProps) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.policyEditor.scorecard.${key}`, options);
  const list = Array.isArray(bands) ? bands : [];
  const change = (index: number, mutate: (band: Band) => void) =>
    onChange(
      list.map((band, i) => {
        if (i !== index) return band;
        const next = structuredClone(band);
        mutate(next);
        return next;
      }),
    );
  const parseValues = (text: string): (string | boolean)[] =>
    parseList(text).map((value) => (booleanFact && (value === 'true' || value === 'false') ? value === 'true' : value));
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {t('bands', { id: name })}
      </Typography>
      <Table size="small" aria-label={t('bands', { id: name })}>
        <TableHead>
          <TableRow>
            <TableCell>{valueFact ? t('values') : t('atLeast')}</TableCell>
            {!valueFact && <TableCell>{t('below')}</TableCell>}
            <TableCell>{t('points')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {list.map((band, index) => (
            <BandRow key={index} at={`${at}/${index}`} index={index} band={band} valueFact={valueFact} readOnly={readOnly}>
              {{
                values: (
                  <ParsedTextField<(string | boolean)[]>
                    size="small"
                    value={'values' in band ? band.values : []}
                    disabled={readOnly}
                    slotProps={{ htmlInput: { 'aria-label': `${t('values')} ${index + 1}` } }}
                    parse={parseValues}
                    format={formatList}
                    onChange={(values) => change(index, (draft) => void ((draft as { values: unknown }).values = values))}
                  />
                ),
                bound: (key: 'atLeast' | 'below') => (
                  <ParsedTextField<number | string | undefined>
                    size="small"
                    sx={{ width: 120 }}
                    value={'values' in band ? undefined : band[key]}
                    disabled={readOnly}
                    slotProps={{ htmlInput: { 'aria-label': `${t(key)} ${index + 1}` } }}
                    parse={parseOptionalNumber}
                    format={formatOptional}
                    onChange={(value) => change(index, (draft) => setOptional(draft as NumberBand, key, value as number | undefined))}
                  />
                ),
                points: (
                  <ParsedTextField<number | string | undefined>
                    size="small"
                    sx={{ width: 100 }}
                    value={band.points}
                    disabled={readOnly}
                    slotProps={{ htmlInput: { 'aria-label': `${t('points')} ${index + 1}` } }}
                    parse={parseOptionalNumber}
                    format={formatOptional}
                    onChange={(value) => change(index, (draft) => void (draft.points = value as number))}
                  />
                ),
                remove: !readOnly && (
                  <IconButton aria-label={t('removeBand', { n: index + 1 })} onClick={() => onChange(list.filter((_, i) => i !== index))}>
                    <DeleteIcon />
                  </IconButton>
                ),
              }}
            </BandRow>
          ))}
        </TableBody>
      </Table>
      {!readOnly && (
        <Button size="small" onClick={() => onChange([...list, valueFact ? { values: [], points: 0 } : { points: 0 }])}>
          {t('addBand')}
        </Button>
      )}
    </>
  );
}

interface BandRowProps {
  at: string;
  index: number;
  band: Band;
  valueFact: boolean;
  readOnly: boolean;
  children: {
    values: React.ReactNode;
    bound: (key: 'atLeast' | 'below') => React.ReactNode;
    points: React.ReactNode;
    remove: React.ReactNode;
  };
}

function BandRow({ at, band, valueFact, children }: BandRowProps) {
  const problems = findingsText(useFindingsAt(at, true));
  // A band keeps its own shape even if the fact's type changed: listed values, or a numeric range.
  const listsValues = 'values' in band || (valueFact && band.atLeast === undefined && band.below === undefined);
  return (
    <>
      <TableRow>
        {listsValues ? (
          <TableCell colSpan={valueFact ? 1 : 2}>{children.values}</TableCell>
        ) : (
          <>
            <TableCell>{children.bound('atLeast')}</TableCell>
            <TableCell>{children.bound('below')}</TableCell>
          </>
        )}
        <TableCell>{children.points}</TableCell>
        <TableCell>{children.remove}</TableCell>
      </TableRow>
      {problems && (
        <TableRow>
          <TableCell colSpan={4} sx={{ py: 0 }}>
            <FieldFindings pointer={at} deep />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
