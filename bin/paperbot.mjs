#!/usr/bin/env node
// Runs the built CLI (dist/, from `npm run build`, which `npm ci` runs through `prepare`) so a
// command starts without compiling TypeScript. Without a build, or when a source file is newer
// than the build, it runs the source through tsx instead, so `paperbot` always matches the source.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A local .env fills variables the environment does not already set.
if (existsSync('.env')) process.loadEnvFile('.env');

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/src/cli.js`;

/** True when dist/ holds a build at least as new as every .ts file under src/ and adapters/. */
function buildIsCurrent() {
  let builtAt;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    return false;
  }
  for (const dir of ['src', 'adapters']) {
    for (const file of readdirSync(`${root}${dir}`, { recursive: true })) {
      if (file.endsWith('.ts') && statSync(`${root}${dir}/${file}`).mtimeMs > builtAt) return false;
    }
  }
  return true;
}

let cli;
if (buildIsCurrent()) {
  cli = await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
