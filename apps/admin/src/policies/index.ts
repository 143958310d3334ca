import GavelIcon from '@mui/icons-material/Gavel';
import { PolicyList } from './PolicyList';
import { PolicyShow } from './PolicyShow';
import type { Policy } from './policy-types';

// Policies and their versions. Version, diff and draft-editor pages are child routes of the resource (App.tsx).
export default {
  list: PolicyList,
  show: PolicyShow,
  icon: GavelIcon,
  recordRepresentation: (policy: Policy) => policy.name.en,
};
export { PolicyVersionPage } from './PolicyVersionPage';
export { PolicyDiffPage } from './PolicyDiffPage';
// The test panel is reusable where a draft is edited: <TestPanel key={version} policy={...} version={...} />.
export { TestPanel } from './TestPanel';
