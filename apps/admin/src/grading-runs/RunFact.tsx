import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** One labelled value of a run's record. */
export function RunFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </Box>
  );
}
