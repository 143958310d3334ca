import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyDocument, PolicyLoadError } from '../../src/node/index.js';

async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tierwise-policy-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  return folder;
}

async function refusal(location: string): Promise<unknown> {
  try {
    await loadPolicyDocument(location);
  } catch (error) {
    return error;
  }
  throw new Error(`${location} loaded`);
}

describe('loading a policy file or folder', () => {
  it('reads a single file as it is, $schema included', async () => {
    const folder = await folderWith({ 'policy.json': '{"$schema":"x","id":"p"}' });
    expect(await loadPolicyDocument(join(folder, 'policy.json'))).toEqual({ $schema: 'x', id: 'p' });
  });

  it('merges the .json files of a folder, each file may carry its own $schema, other files are not read', async () => {
    const folder = await folderWith({
      'b.json': '{"$schema":"s","name":{"en":"P"}}',
      'a.json': '{"$schema":"s","id":"p"}',
      'notes.txt': 'not json',
    });
    const document = await loadPolicyDocument(folder);
    expect(document).toEqual({ id: 'p', name: { en: 'P' } });
    expect(Object.keys(document as object)).toEqual(['id', 'name']);
  });

  it.each([
    ['an array', '[1]'],
    ['null', 'null'],
    ['a number', '5'],
  ])('refuses a file that holds %s instead of an object', async (_, text) => {
    const error = await refusal(await folderWith({ 'facts.json': text }));
    expect(error).toBeInstanceOf(PolicyLoadError);
    expect(error).toMatchObject({ name: 'PolicyLoadError', message: 'facts.json must hold a JSON object' });
  });

  it('names the place where nothing is', async () => {
    expect(await refusal('/nonexistent/policy')).toMatchObject({
      name: 'PolicyLoadError',
      message: 'no policy file or folder at /nonexistent/policy',
    });
  });
});
