// Starts the REAL serve composition (readConfig(env) → startServe) against the local fakes, with
// papers from a `file:` source in a temp directory. Shared by the journey tests.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/clock.js';
import { readConfig } from '../../../src/config.js';
import { startServe, type ServeHandle } from '../../../src/serve.js';

/** A paper entry of a `file:` source (the JSON paper-list shape). */
export interface FilePaperEntry {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  published?: string;
  upvotes?: number;
  code?: string;
}

/** A running serve process plus what the test needs around it. */
export interface ServeUnderTest {
  handle: ServeHandle;
  /** Every log line serve wrote (JSON lines). */
  logs: string[];
  /** Rewrites the papers file (the file source re-reads it on every fetch). */
  setPapers(papers: FilePaperEntry[]): Promise<void>;
  dir: string;
  close(): Promise<void>;
}

/** Today's UTC date, YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A temp directory with a papers file (file: source). */
export async function papersDir(papers: FilePaperEntry[]): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'paperbot-journey-'));
  const file = join(dir, 'papers.json');
  await writeFile(file, JSON.stringify(papers, null, 2));
  return { dir, file };
}

/**
 * Starts serve with `env` on top of journey defaults: memory store, the papers file as the only
 * source, logs captured (info level). Exit and signals are kept away from the test process.
 */
export async function startServeUnderTest(papers: FilePaperEntry[], env: Record<string, string>): Promise<ServeUnderTest> {
  const { dir, file } = await papersDir(papers);
  const logs: string[] = [];
  const config = readConfig({
    PAPERBOT_STORE_URL: 'memory://',
    PAPERBOT_SOURCES: `file:${file}`,
    PAPERBOT_LOG_LEVEL: 'info',
    PORT: '0',
    // Nothing may leave 127.0.0.1: the public sources point at a closed local port.
    PAPERBOT_HF_URL: 'http://127.0.0.1:9/hf',
    PAPERBOT_ARXIV_API_URL: 'http://127.0.0.1:9/arxiv/api/query',
    PAPERBOT_ARXIV_RSS_URL: 'http://127.0.0.1:9/arxiv/rss',
    PAPERBOT_ARXIV_DELAY_MS: '0',
    PAPERBOT_HTTP_TIMEOUT_MS: '2000',
    ...env,
  });
  // Schedules run on a manual clock at today's midnight UTC, so "schedule 00:00 UTC daily" set
  // now is due at once (and not late), as it would be for a real channel at that minute.
  const clock = new ManualClock(`${todayUtc()}T00:00:00.000Z`);
  const handle = await startServe(config, {
    clock,
    exit: () => {},
    signals: [],
    stderr: { write: (line: string) => logs.push(String(line)) },
  });
  let closed = false;
  return {
    handle,
    logs,
    dir,
    setPapers: (list) => writeFile(file, JSON.stringify(list, null, 2)),
    async close() {
      if (closed) return;
      closed = true;
      await handle.shutdown('test done');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once `check()` gives a truthy value (polling every 10 ms); rejects after `timeoutMs`. */
export async function until<T>(check: () => T | undefined | false | null | Promise<T | undefined | false | null>, what: string, timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Papers of "today": three about video generation (one with a title that tries to ping everyone), two unrelated. */
export const EVIL_TITLE = 'Attention <!channel> <@U123> & more';

export function todaysPapers(date = todayUtc()): FilePaperEntry[] {
  return [
    {
      id: '2611.10001',
      title: EVIL_TITLE,
      abstract:
        'We study video generation with diffusion transformers and propose a factorized spatio-temporal attention. ' +
        'We evaluate on the UCF-101 and Kinetics-600 benchmarks. Our model reaches an FVD of 112 on UCF-101 while using half the compute.',
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
      published: date,
      upvotes: 42,
      code: 'https://github.com/example/attention-more',
    },
    {
      id: '2611.10002',
      title: 'Temporal Consistency for Video Generation with Latent Diffusion',
      abstract:
        'Video generation models flicker. We add a temporal consistency loss to latent diffusion video generation and reduce flicker by 40% on long clips.',
      authors: ['Edsger Dijkstra', 'Barbara Liskov'],
      published: date,
      upvotes: 17,
    },
    {
      id: '2611.10003',
      title: 'Long Video Generation with Autoregressive Rollouts',
      abstract: 'We generate minute-long videos by rolling out a video generation model autoregressively over latent chunks.',
      authors: ['Donald Knuth'],
      published: date,
      upvotes: 9,
    },
    {
      id: '2611.10004',
      title: 'Sparse Mixture of Experts for Language Model Inference',
      abstract: 'We route tokens to a few experts to make large language model inference cheaper.',
      authors: ['John McCarthy'],
      published: date,
      upvotes: 3,
    },
    {
      id: '2611.10005',
      title: 'Graph Neural Networks for Molecular Property Prediction',
      abstract: 'Message passing networks predict molecular properties from graphs of atoms and bonds.',
      authors: ['Frances Allen'],
      published: date,
      upvotes: 1,
    },
  ];
}
