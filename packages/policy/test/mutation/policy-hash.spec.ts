import { createHash } from 'node:crypto';
import { canonicalize as independentCanonicalize } from 'json-canonicalize';
import { describe, expect, it } from 'vitest';
import { compilePolicy, policyHash, type PolicyDocument } from '../../src/index.js';
import { loadPolicyDocument } from '../../src/node/index.js';
import { policyFactory, tierFactory, treatmentRuleFactory } from '../../src/testing/policy-factory.js';
import { rulesPath } from '../support/policies.js';

// The policy hash is "sha256:" + SHA-256 of the RFC 8785 canonical JSON of the
// policy without $schema and version. These tests compute it independently of
// the package: by hand for a small policy, and with a second RFC 8785
// implementation (json-canonicalize, not the `canonicalize` package the code uses).

const sha256 = (text: string) => 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');

// Keys whose UTF-16 order (RFC 8785 §3.2.3) differs from code-point order:
// U+1F600 is the surrogate pair D83D DE00, so it sorts before U+FB33.
const TRICKY_PARAMS = {
  z: 1,
  '\ufb33': 'hebrew',
  '😀': 0.5,
  '€': -0,
  é: 1e21,
  a: 1e-7,
  B: 100.0,
  s: 'line\nbreak\u001f"',
};

function trickyPolicy(): PolicyDocument {
  return {
    $schema: 'https://example.test/policy.schema.json',
    version: 7,
    id: 'h',
    name: { en: 'H', zh: '等级' },
    facts: { x: { type: 'number', label: { en: 'x' } } },
    grading: { tiers: [tierFactory('A')] },
    treatments: [
      treatmentRuleFactory({
        id: 'r',
        label: { en: 'r' },
        priority: 2,
        explanation: 'e',
        treatments: [{ type: 'queue', params: TRICKY_PARAMS }],
      }),
    ],
  };
}

// Written by hand from RFC 8785: keys sorted by UTF-16 code units, numbers in
// ECMAScript form (1e+21, 1e-7, -0 as 0, 100.0 as 100), only the mandatory escapes,
// non-ASCII text as UTF-8, no whitespace; $schema and version left out.
const TRICKY_CANONICAL =
  '{"facts":{"x":{"label":{"en":"x"},"type":"number"}},' +
  '"grading":{"tiers":[{"id":"A","label":{"en":"tier A"}}]},' +
  '"id":"h","name":{"en":"H","zh":"等级"},' +
  '"treatments":[{"conditions":{"all":[{"fact":"tier","operator":"equal","value":"A"}]},"explanation":"e","id":"r","label":{"en":"r"},"priority":2,' +
  '"treatments":[{"params":{"B":100,"a":1e-7,"s":"line\\nbreak\\u001f\\"","z":1,"é":1e+21,"€":0,"😀":0.5,"\ufb33":"hebrew"},"type":"queue"}]}]}';

describe('policy hash against an independent RFC 8785 SHA-256', () => {
  it('matches the hand-written canonical form of a policy with tricky numbers and unicode keys', () => {
    const policy = trickyPolicy();
    expect(independentCanonicalize(omitVersioning(policy))).toBe(TRICKY_CANONICAL);
    expect(policyHash(policy)).toBe(sha256(TRICKY_CANONICAL));
    expect(compilePolicy(policy).ref).toEqual({ id: 'h', version: 7, hash: sha256(TRICKY_CANONICAL) });
  });

  it('matches a second RFC 8785 implementation on rules/default', async () => {
    // compilePolicy lints it first, so it is a PolicyDocument from here on.
    const compiled = compilePolicy(await loadPolicyDocument(rulesPath('default')));
    const document = (await loadPolicyDocument(rulesPath('default'))) as PolicyDocument;
    const expected = sha256(independentCanonicalize(omitVersioning(document)));
    expect(policyHash(document)).toBe(expected);
    expect(compiled.ref.hash).toBe(expected);
  });

  it('hashes rules/default as it did before downgrade protection existed, and a protected copy differently', async () => {
    const document = (await loadPolicyDocument(rulesPath('default'))) as PolicyDocument;
    expect(policyHash(document)).toBe('sha256:2dd47ebe72beca20e524633d114d4899ebe82578508af5f834e609feeeb302a9');
    const protectedCopy = { ...document, grading: { ...document.grading, downgradeProtection: { gradings: 2 } } };
    expect(policyHash(protectedCopy)).not.toBe(policyHash(document));
  });

  it('does not change with key order, $schema or version, and changes with the rules', () => {
    const policy = policyFactory();
    const reordered = Object.fromEntries(Object.entries(policy).reverse()) as PolicyDocument;
    expect(policyHash({ ...reordered, version: 9, $schema: 'x' })).toBe(policyHash(policy));
    expect(policyHash({ ...policy, id: 'other' })).not.toBe(policyHash(policy));
  });
});

function omitVersioning(document: PolicyDocument): Omit<PolicyDocument, '$schema' | 'version'> {
  const { $schema: _schema, version: _version, ...rules } = document;
  return rules;
}
