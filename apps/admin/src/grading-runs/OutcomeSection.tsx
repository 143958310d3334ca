import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled block of a run's outcome (counts, grid, costs): a region named by its heading. */
export function OutcomeSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}
