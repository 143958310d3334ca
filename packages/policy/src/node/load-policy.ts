import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** A policy file or folder could not be read as one JSON document. */
export class PolicyLoadError extends Error {
  override name = 'PolicyLoadError';
}

/**
 * Reads a policy from one JSON file, or from a folder of JSON files that load as
 * one document: each file holds some of the top-level keys (policy.json the id
 * and name, facts.json the facts ...). A key in two files is an error, not a
 * silent override.
 */
export async function loadPolicyDocument(location: string): Promise<unknown> {
  const info = await stat(location).catch(() => {
    throw new PolicyLoadError(`no policy file or folder at ${location}`);
  });
  if (!info.isDirectory()) return readJson(location);
  const files = (await readdir(location)).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) throw new PolicyLoadError(`folder ${location} holds no .json policy files`);
  const document: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  for (const file of files) {
    const part = await readJson(join(location, file));
    if (typeof part !== 'object' || part === null || Array.isArray(part)) {
      throw new PolicyLoadError(`${file} must hold a JSON object`);
    }
    for (const [key, value] of Object.entries(part)) {
      if (key === '$schema') continue;
      const first = owner.get(key);
      if (first) throw new PolicyLoadError(`'${key}' is defined in both ${first} and ${file}`);
      owner.set(key, file);
      document[key] = value;
    }
  }
  return document;
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolicyLoadError(`${basename(file)} is not valid JSON: ${(error as Error).message}`);
  }
}
