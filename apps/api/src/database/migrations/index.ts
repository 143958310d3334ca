import { InitialSchema1795607065743 } from './1795607065743-initial-schema.js';
import { UsersAndApiKeys1795700000000 } from './1795700000000-users-and-api-keys.js';
import { DecisionChangeNotify1795800000000 } from './1795800000000-decision-change-notify.js';
import { UserPasswordChangedAt1795900000000 } from './1795900000000-user-password-changed-at.js';
import { TierOverrides1796000000000 } from './1796000000000-tier-overrides.js';
import { DecisionKeyOrder1796100000000 } from './1796100000000-decision-key-order.js';
import { ServingRole1796300000000 } from './1796300000000-serving-role.js';
import { CustomerPhone1796400000000 } from './1796400000000-customer-phone.js';
import { SessionEpochAndKeyExpiry1796200000000 } from './1796200000000-session-epoch-and-key-expiry.js';
import { CustomerListSpeed1796500000000 } from './1796500000000-customer-list-speed.js';
import { DashboardCells1796600000000 } from './1796600000000-dashboard-cells.js';
import { DashboardWithoutLock1796700000000 } from './1796700000000-dashboard-without-lock.js';
import { CustomerSearch1796800000000 } from './1796800000000-customer-search.js';
import { CustomerSearchWords1796900000000 } from './1796900000000-customer-search-words.js';
import { SearchDictionaryUnique1797000000000 } from './1797000000000-search-dictionary-unique.js';

import { GradingRuns1797100000000 } from './1797100000000-grading-runs.js';
import { SearchWordsWithoutTier1797200000000 } from './1797200000000-search-words-without-tier.js';
import { PolicyGrading1797300000000 } from './1797300000000-policy-grading.js';
import { GradingReplay1797400000000 } from './1797400000000-grading-replay.js';
// Listed explicitly, oldest first, rather than found by glob: the same list works
// from src/ under vitest and from dist/ under node, and a missing file fails the build.
export const MIGRATIONS = [
  InitialSchema1795607065743,
  UsersAndApiKeys1795700000000,
  DecisionChangeNotify1795800000000,
  UserPasswordChangedAt1795900000000,
  TierOverrides1796000000000,
  DecisionKeyOrder1796100000000,
  SessionEpochAndKeyExpiry1796200000000,
  ServingRole1796300000000,
  CustomerPhone1796400000000,
  CustomerListSpeed1796500000000,
  DashboardCells1796600000000,
  DashboardWithoutLock1796700000000,
  CustomerSearch1796800000000,
  CustomerSearchWords1796900000000,
  SearchDictionaryUnique1797000000000,
  GradingRuns1797100000000,
  SearchWordsWithoutTier1797200000000,
  PolicyGrading1797300000000,
  GradingReplay1797400000000,
];
