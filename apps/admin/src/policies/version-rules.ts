import type { Policy, PolicyVersionSummary } from './policy-types';

// Which version-level actions apply, whatever the role (the role is checked where the control is drawn).

export const isDraft = (version: Pick<PolicyVersionSummary, 'status'>) => version.status === 'draft';

/** A draft with lint errors is refused by the api; the button stays visible, disabled, with the reason. */
export const canBePublished = (version: Pick<PolicyVersionSummary, 'status' | 'lint'>) => isDraft(version) && version.lint.errors === 0;

/**
 * Rollback puts an earlier released version back in force. Not the one in force, nor one whose rules
 * are in force already (after a rollback, the copy in force has the same hash as the version copied).
 */
export const canBeRolledBackTo = (
  version: Pick<PolicyVersionSummary, 'status' | 'version' | 'hash'>,
  policy: Pick<Policy, 'publishedVersion' | 'publishedHash'>,
) =>
  (version.status === 'superseded' || version.status === 'published') &&
  version.version !== policy.publishedVersion &&
  (version.hash === null || version.hash !== policy.publishedHash);

/** The version a comparison starts from: the version in force, else the one before. */
export function defaultComparand(version: number, policy: Pick<Policy, 'publishedVersion'>): number | undefined {
  if (policy.publishedVersion !== null && policy.publishedVersion !== version) return policy.publishedVersion;
  return version > 1 ? version - 1 : undefined;
}

/** `sha256:0123456789ab…`: enough to tell versions apart at a glance. */
export function shortHash(hash: string): string {
  const [algorithm, digest] = hash.includes(':') ? hash.split(':', 2) : ['', hash];
  return `${algorithm ? `${algorithm}:` : ''}${digest!.slice(0, 12)}…`;
}
