import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { GradingRun } from './grading-run';
import { NO_TIER } from './grading-run';
import { tierMoves } from './migration-grid';

/** The tier changes in one line, largest first: "Tier changes: A → B: 12, C → B: 3". */
export function TierMovesText({ run, tierOrder }: { run: GradingRun; tierOrder: readonly string[] }) {
  const translate = useTranslate();
  const moves = tierMoves(run.migration, tierOrder);
  const name = (tier: string) => (tier === NO_TIER ? translate('tierwise.gradingRuns.noTier') : tier);
  return (
    <Typography>
      {moves.length === 0
        ? translate('tierwise.gradingRuns.moves.none')
        : `${translate('tierwise.gradingRuns.moves.title')}: ${moves.map((move) => `${name(move.from)} → ${name(move.to)}: ${move.count}`).join(', ')}`}
    </Typography>
  );
}
