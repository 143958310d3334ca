import { Box, Button, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { FieldFindings } from './findings-context';

export interface EditorSectionProps {
  /** Names the heading the section is labelled by (`<name>-title`). */
  name: string;
  title: string;
  /** JSON pointer of the part of the policy the section edits: its own lint findings show under the heading. */
  pointer: string;
  readOnly: boolean;
  addLabel: string;
  onAdd: () => void;
  children: ReactNode;
}

/** One part of the form editor (facts, scorecard, tiers, treatments): a heading, its findings, its rows and an add button. */
export function EditorSection({ name, title, pointer, readOnly, addLabel, onAdd, children }: EditorSectionProps) {
  return (
    <Box component="section" aria-labelledby={`${name}-title`} sx={{ mb: 3 }}>
      <Typography id={`${name}-title`} variant="h6" component="h2">
        {title}
      </Typography>
      <FieldFindings pointer={pointer} />
      {children}
      {!readOnly && (
        <Button sx={{ mt: 1 }} onClick={onAdd}>
          {addLabel}
        </Button>
      )}
    </Box>
  );
}
