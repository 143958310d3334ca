import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../src/index.js';
import { loadPolicyDocument, PolicyLoadError } from '../src/node/index.js';
import { rulesPath } from './support/policies.js';

async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tierwise-policy-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  return folder;
}

describe('loading a policy', () => {
  it('merges a folder of JSON files into one document', async () => {
    const document = (await loadPolicyDocument(rulesPath('default'))) as Record<string, unknown>;
    expect(Object.keys(document).sort()).toEqual(['description', 'facts', 'grading', 'id', 'name', 'treatments', 'version']);
    expect(lintPolicy(document)).toEqual([]);
  });

  it('refuses a key defined in two files instead of letting one win', async () => {
    const folder = await folderWith({ 'a.json': '{"id":"x"}', 'b.json': '{"id":"y"}' });
    await expect(loadPolicyDocument(folder)).rejects.toThrow("'id' is defined in both a.json and b.json");
  });

  it('names the file that is not valid JSON', async () => {
    const folder = await folderWith({ 'facts.json': '{"facts": ' });
    await expect(loadPolicyDocument(folder)).rejects.toThrow(/facts.json is not valid JSON/);
  });

  it('says so when nothing is there', async () => {
    await expect(loadPolicyDocument('/nonexistent/policy')).rejects.toBeInstanceOf(PolicyLoadError);
    await expect(loadPolicyDocument(await folderWith({}))).rejects.toThrow(/holds no .json policy files/);
  });
});
