import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'react-admin';

// A link inside a clickable list row: its click must not also trigger the row's own click.
const keepToLink = (event: MouseEvent) => event.stopPropagation();

export function RowLink({ to, children, label }: { to: string; children: ReactNode; label?: string }) {
  return (
    <Link to={to} onClick={keepToLink} aria-label={label}>
      {children}
    </Link>
  );
}
