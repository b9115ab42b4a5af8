#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step), so `npx paperbot` always matches the source.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
