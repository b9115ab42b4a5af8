#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step), so `npx paperbot` always matches the source.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// A local .env fills variables the environment does not already set.
if (existsSync('.env')) process.loadEnvFile('.env');
register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
