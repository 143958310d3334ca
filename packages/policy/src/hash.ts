import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type { PolicyDocument } from './document.js';

/**
 * SHA-256 of the policy's canonical JSON (RFC 8785), so key order and spacing do
 * not change it. `$schema` and `version` are left out: the hash names the rules
 * themselves, so a rollback to identical rules shows the identical hash.
 * Plain-JS SHA-256 (@noble/hashes), not node:crypto, so the package also runs in the console.
 */
export function policyHash(document: PolicyDocument): string {
  const { $schema: _schema, version: _version, ...rules } = document;
  return 'sha256:' + bytesToHex(sha256(utf8ToBytes(canonicalize(rules) ?? '')));
}
