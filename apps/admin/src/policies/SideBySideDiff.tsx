import { Box, FormControlLabel, Switch } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { foldUnchanged, sideBySide, type DiffLine } from './line-diff';

const CONTEXT_LINES = 3;

/** Two documents as pretty-printed JSON, side by side, changed lines highlighted; unchanged runs folded unless asked. */
export function SideBySideDiff({
  before,
  after,
  beforeTitle,
  afterTitle,
}: {
  before: unknown;
  after: unknown;
  beforeTitle: string;
  afterTitle: string;
}) {
  const translate = useTranslate();
  const [whole, setWhole] = useState(false);
  const rows = useMemo(() => sideBySide(JSON.stringify(before, null, 2), JSON.stringify(after, null, 2)), [before, after]);
  const shown = whole ? rows : foldUnchanged(rows, CONTEXT_LINES);
  return (
    <Box>
      <FormControlLabel
        control={<Switch checked={whole} onChange={(event) => setWhole(event.target.checked)} />}
        label={translate('tierwise.policies.diff.wholeDocuments')}
      />
      <Box
        component="table"
        aria-label={translate('tierwise.policies.diff.documents')}
        sx={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontFamily: 'monospace', fontSize: '0.8rem' }}
      >
        <colgroup>
          <col style={{ width: '3.5em' }} />
          <col />
          <col style={{ width: '3.5em' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <Box component="th" colSpan={2} sx={{ textAlign: 'left', p: 1 }}>
              {beforeTitle}
            </Box>
            <Box component="th" colSpan={2} sx={{ textAlign: 'left', p: 1 }}>
              {afterTitle}
            </Box>
          </tr>
        </thead>
        <tbody>
          {shown.map((row, index) =>
            'folded' in row ? (
              <tr key={`folded-${index}`}>
                <Box component="td" colSpan={4} sx={{ color: 'text.secondary', textAlign: 'center', bgcolor: 'action.hover' }}>
                  {translate('tierwise.policies.diff.folded', { smart_count: row.folded })}
                </Box>
              </tr>
            ) : (
              <tr key={index}>
                <Side line={row.left} side="before" />
                <Side line={row.right} side="after" />
              </tr>
            ),
          )}
        </tbody>
      </Box>
    </Box>
  );
}

function Side({ line, side }: { line: DiffLine | undefined; side: 'before' | 'after' }) {
  const changed = line?.changed === true;
  const background = changed
    ? side === 'before'
      ? 'rgba(244, 67, 54, 0.15)'
      : 'rgba(76, 175, 80, 0.18)'
    : line
      ? 'transparent'
      : 'action.hover';
  return (
    <>
      <Box
        component="td"
        sx={{ color: 'text.secondary', textAlign: 'right', pr: 1, userSelect: 'none', bgcolor: background, verticalAlign: 'top' }}
      >
        {line?.number ?? ''}
      </Box>
      <Box
        component="td"
        data-changed={changed ? side : undefined}
        sx={{
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
          bgcolor: background,
          verticalAlign: 'top',
          borderLeft: 1,
          borderColor: 'divider',
          pl: 1,
        }}
      >
        {line?.text ?? ''}
      </Box>
    </>
  );
}
