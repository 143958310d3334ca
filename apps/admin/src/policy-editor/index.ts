import { lazy } from 'react';

// Monaco and the condition builder are large: the editor loads only when opened.
export const DraftEditorPage = lazy(() => import('./DraftEditorPage'));
