import { Box, Typography } from '@mui/material';
import type { Finding } from '@tierwise/policy';
import { createContext, useContext, type ReactNode } from 'react';

const FindingsContext = createContext<readonly Finding[]>([]);

export function FindingsProvider({ findings, children }: { findings: readonly Finding[]; children: ReactNode }) {
  return <FindingsContext.Provider value={findings}>{children}</FindingsContext.Provider>;
}

/** Findings whose JSON pointer is `pointer`, or (deep) anything inside it. */
export function useFindingsAt(pointer: string, deep = false): Finding[] {
  const findings = useContext(FindingsContext);
  return findings.filter((finding) => finding.path === pointer || (deep && finding.path.startsWith(`${pointer}/`)));
}

/** One line per finding, as helper text beside a field. */
export function findingsText(findings: readonly Finding[]): string | undefined {
  return findings.length > 0 ? findings.map((finding) => finding.message).join('; ') : undefined;
}

/** The findings at (or under) a pointer, shown next to the part of the form they concern. */
export function FieldFindings({ pointer, deep = false }: { pointer: string; deep?: boolean }) {
  const findings = useFindingsAt(pointer, deep);
  if (findings.length === 0) return null;
  return (
    <Box role="list" sx={{ my: 0.5 }}>
      {findings.map((finding, i) => (
        <Typography
          key={`${finding.path}-${i}`}
          role="listitem"
          variant="body2"
          color={finding.severity === 'error' ? 'error' : 'warning.main'}
          data-pointer={finding.path}
        >
          {finding.severity === 'error' ? '✖' : '⚠'} {finding.message}
        </Typography>
      ))}
    </Box>
  );
}
