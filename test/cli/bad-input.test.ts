// Bad input: a clear message on stderr, nothing on stdout, exit status 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv, runCli, tempDir } from './support/run-cli.js';

describe('bad input exits 2 with a clear message', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let env: Record<string, string | undefined>;
  let empty: string;
  let malformed: string;
  beforeAll(async () => {
    tmp = await tempDir();
    env = await offlineEnv();
    empty = await tmp.write('empty.json', []);
    malformed = await tmp.write('malformed.json', '[{"id": "1", "title": "x",');
  });
  afterAll(() => tmp.cleanup());

  const cases: Array<[string, () => string[], RegExp]> = [
    ['an unknown flag', () => ['digest', '--bogus'], /unknown option '--bogus'/],
    ['an unknown command', () => ['digets'], /unknown command 'digets'/],
    ['a missing --input file', () => ['rank', '--input', tmp.file('nope.json'), '--interests', 'x', '--json'], /--input: no such file .*nope\.json/],
    ['rank without --input', () => ['rank', '--interests', 'x'], /--input/],
    ['malformed JSON for rank', () => ['rank', '--input', malformed, '--interests', 'x', '--json'], /--input: .*malformed\.json is not valid JSON/],
    ['malformed JSON in a file source', () => ['digest', '--sources', `file:${malformed}`], /malformed\.json: malformed JSON/],
    ['a missing file source', () => ['digest', '--sources', `file:${tmp.file('gone.json')}`], /no such file.*gone\.json/],
    ['an unknown source name', () => ['digest', '--sources', 'foo'], /Unknown source "foo"/],
    ['an unknown source among good ones', () => ['digest', '--sources', `file:${empty},foo`], /Unknown source "foo"/],
    ['an unknown source for ingest', () => ['ingest', '--sources', 'foo'], /Unknown source "foo"/],
    ['an invalid date', () => ['digest', '--sources', `file:${empty}`, '--date', '2026-13-01'], /--date: "2026-13-01" is not a valid date; use YYYY-MM-DD/],
    ['an impossible day', () => ['ingest', '--sources', `file:${empty}`, '--date', '2026-02-30'], /--date: "2026-02-30" is not a valid date/],
    ['a badly formed date', () => ['digest', '--sources', `file:${empty}`, '--date', '12/06/2026'], /--date: "12\/06\/2026"/],
    ['an unknown post target', () => ['digest', '--sources', `file:${empty}`, '--post', 'nowhere:1'], /--post: "nowhere:1" is not a channel; use slack:<channel id>/],
    ['--force without --post', () => ['digest', '--sources', `file:${empty}`, '--force'], /--force only applies with --post/],
    ['an unknown format', () => ['digest', '--format', 'xml'], /'xml' is invalid/],
    ['a size out of range', () => ['digest', '--sources', `file:${empty}`, '--size', '0'], /--size: "0" must be a whole number/],
    ['a size over the 1–20 that /papers size allows', () => ['digest', '--sources', `file:${empty}`, '--size', '21'], /--size: "21" must be a whole number from 1 to 20/],
    ['a threshold out of range', () => ['digest', '--sources', `file:${empty}`, '--threshold', '7'], /--threshold: "7" must be a number from 0 to 1/],
    ['an empty source list', () => ['digest', '--sources', ' , '], /--sources: give at least one source/],
    ['a paper id that is not one', () => ['paper', 'not-an-id'], /"not-an-id" is not an arXiv id or URL/],
    ['a hexadecimal threshold', () => ['digest', '--sources', `file:${empty}`, '--threshold', '0x0'], /--threshold: "0x0" must be a number from 0 to 1/],
    ['an exponent threshold', () => ['digest', '--sources', `file:${empty}`, '--threshold', '1e-1'], /--threshold: "1e-1" must be a number/],
    ['an empty threshold', () => ['digest', '--sources', `file:${empty}`, '--threshold', ''], /--threshold needs a value/],
    ['an empty --threshold=', () => ['digest', '--sources', `file:${empty}`, '--threshold='], /--threshold needs a value/],
    ['an empty size', () => ['digest', '--sources', `file:${empty}`, '--size', ''], /--size needs a value/],
    ['empty sources', () => ['digest', '--sources', ''], /--sources needs a value/],
    ['empty interests', () => ['digest', '--sources', `file:${empty}`, '--interests', '  '], /--interests needs a value/],
    ['an empty date for ingest', () => ['ingest', '--sources', `file:${empty}`, '--date', ''], /--date needs a value/],
    ['an empty search limit', () => ['search', 'lora', '--limit', ''], /--limit needs a value/],
    ['an empty paper id', () => ['paper', ''], /<id> must not be empty/],
    ['an arXiv source that is a host name', () => ['digest', '--sources', 'arxiv:evil.example.com'], /invalid arXiv category/],
  ];

  it.each(cases)('%s', async (_name, argv, message) => {
    const run = await runCli(argv(), env);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  });

  it('an invalid environment variable names the variable and exits 2', async () => {
    const run = await runCli(['digest', '--sources', `file:${empty}`], { ...env, PAPERBOT_TZ: 'Mars/Olympus' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/PAPERBOT_TZ: unknown time zone "Mars\/Olympus"/);
  });

  it('--post slack: without SLACK_BOT_TOKEN names the variable and exits 2', async () => {
    const run = await runCli(['digest', '--sources', `file:${empty}`, '--post', 'slack:C123'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/SLACK_BOT_TOKEN/);
  });

  it('--help exits 0 and lists the commands', async () => {
    const run = await runCli(['--help'], env);
    expect(run.code).toBe(0);
    for (const cmd of ['digest', 'rank', 'ingest', 'search', 'paper', 'ask', 'chat', 'serve', 'slack-manifest', 'discord-register']) {
      expect(run.stdout).toContain(cmd);
    }
  });

  it('--version prints the package version and exits 0', async () => {
    const run = await runCli(['--version'], env);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
