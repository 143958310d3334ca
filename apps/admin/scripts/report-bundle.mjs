#!/usr/bin/env node
// Prints the console's bundle sizes after `vite build` and what the login page loads: the entry chunk
// and every chunk it imports statically (lazy chunks load only when their page opens). Fails the build
// when the login page would need more than 600 kB of gzipped JavaScript (issue 7's budget).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const LOGIN_BUDGET_BYTES = 600 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const sizes = new Map();
const sizeOf = (file) => {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(dist, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizes.get(file);
};

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const loginChunks = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || loginChunks.has(chunk.file)) return;
  loginChunks.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const javascript = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'));
const rows = javascript.map((file) => ({ file, ...sizeOf(file), login: loginChunks.has(file) })).sort((a, b) => b.gzip - a.gzip);

console.log('\nconsole bundle (JavaScript)');
for (const row of rows) {
  console.log(`  ${row.login ? 'login' : 'lazy '}  ${kB(row.gzip).padStart(10)} gzip  ${kB(row.raw).padStart(11)} raw  ${row.file}`);
}
const loginGzip = rows.filter((row) => row.login).reduce((sum, row) => sum + row.gzip, 0);
const allGzip = rows.reduce((sum, row) => sum + row.gzip, 0);
console.log(`  login page loads ${kB(loginGzip)} gzipped JavaScript (budget ${kB(LOGIN_BUDGET_BYTES)}); all chunks ${kB(allGzip)}`);
if (loginGzip > LOGIN_BUDGET_BYTES) {
  console.error(`the login page needs ${kB(loginGzip)} of gzipped JavaScript, over the ${kB(LOGIN_BUDGET_BYTES)} budget: lazy-load more`);
  process.exit(1);
}
