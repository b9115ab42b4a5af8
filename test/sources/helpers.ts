// Shared test setup for the sources layer: fixtures, config pointing at a fake server, fast deps.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createPacer } from '../../src/sources/arxiv-pacer.js';
import type { SourceDeps } from '../../src/sources/registry.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Absolute path of a recorded fixture. */
export function fixturePath(name: string): string {
  return `${FIXTURES}${name}`;
}

/** Raw bytes of a recorded fixture (served as-is by the fake server). */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

/** A fixture decoded as UTF-8. */
export function fixtureText(name: string): string {
  return fixtureBytes(name).toString('utf8');
}

/** A fixture parsed as JSON. */
export function fixtureJson<T = unknown>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

/**
 * Deps whose URLs point at `baseUrl`, with no arXiv pause and millisecond retry delays,
 * unless `overrides` says otherwise.
 */
export function testDeps(baseUrl = 'http://127.0.0.1:9', overrides: Partial<SourceDeps> & { env?: Record<string, string> } = {}): SourceDeps {
  const { env, ...rest } = overrides;
  const config = readConfig({
    PAPERBOT_HF_URL: baseUrl,
    PAPERBOT_ARXIV_API_URL: `${baseUrl}/api/query`,
    PAPERBOT_ARXIV_RSS_URL: `${baseUrl}/rss`,
    PAPERBOT_ARXIV_DELAY_MS: '0',
    PAPERBOT_HTTP_TIMEOUT_MS: '5000',
    ...env,
  });
  return {
    config,
    logger: silentLogger,
    pacer: createPacer(0),
    retry: { baseDelayMs: 5, maxDelayMs: 20, maxTotalMs: 5000 },
    ...rest,
  };
}

/** Response headers for an Atom body. */
export const XML = { 'content-type': 'application/atom+xml; charset=utf-8' };
/** Response headers for an RSS body. */
export const RSS = { 'content-type': 'application/rss+xml' };
/** Response headers for a JSON body. */
export const JSON_TYPE = { 'content-type': 'application/json' };
