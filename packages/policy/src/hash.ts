import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { PolicyDocument } from './document.js';

/**
 * SHA-256 of the policy's canonical JSON (RFC 8785), so key order and spacing do
 * not change it. `$schema` and `version` are left out: the hash names the rules
 * themselves, so a rollback to identical rules shows the identical hash.
 */
export function policyHash(document: PolicyDocument): string {
  const { $schema: _schema, version: _version, ...rules } = document;
  return (
    'sha256:' +
    createHash('sha256')
      .update(canonicalize(rules) ?? '')
      .digest('hex')
  );
}
