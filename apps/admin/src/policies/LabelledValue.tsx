import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A small caption over a value, for the summary strips of the policy pages. */
export function LabelledValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Box>{children}</Box>
    </Box>
  );
}
