import HistoryIcon from '@mui/icons-material/History';
import { TierHistoryList } from './TierHistoryList';
import type { TierHistoryEntry } from './tier-history-entry';

// List only: a row opens the customer it concerns, whose page shows that customer's own history.
export default {
  list: TierHistoryList,
  icon: HistoryIcon,
  recordRepresentation: (entry: TierHistoryEntry) => `${entry.customerId} #${entry.id}`,
  options: { label: 'tierwise.tierHistory.menu' },
};
