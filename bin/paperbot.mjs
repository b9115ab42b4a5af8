#!/usr/bin/env node
// Runs the built CLI (dist/, from `npm run build`, which `npm ci` runs through `prepare`) so a
// command starts without compiling TypeScript. Without a build, or when a source file is newer
// than the build, it runs the source through tsx instead, so `paperbot` always matches the source.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// A local .env fills variables the environment does not already set.
if (existsSync('.env')) process.loadEnvFile('.env');

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/src/cli.js`;

/** True when dist/ holds a build at least as new as every .ts file under src/ and adapters/. */
async function buildIsCurrent() {
  const builtAt = (await stat(built).catch(() => undefined))?.mtimeMs;
  if (builtAt === undefined) return false;
  const times = await Promise.all(
    ['src', 'adapters'].map(async (dir) => {
      const files = (await readdir(`${root}${dir}`, { recursive: true })).filter((f) => f.endsWith('.ts'));
      return Promise.all(files.map(async (f) => (await stat(`${root}${dir}/${f}`)).mtimeMs));
    }),
  );
  return times.flat().every((t) => t <= builtAt);
}

// The check's file system calls run on libuv's threads while the built modules load; the build is
// used only when the check passes (loading it has no side effects beyond defining functions).
const [current, builtCli] = await Promise.all([buildIsCurrent(), import(built).catch(() => undefined)]);
let cli = current ? builtCli : undefined;
if (!cli) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
