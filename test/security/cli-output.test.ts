// `paperbot digest` output from hostile papers: markdown carries no raw HTML and no link but
// http(s) ones to known hosts; text carries no escape, bidi or zero-width characters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv, runCli, tempDir } from '../cli/support/run-cli.js';

describe('digest output from hostile papers', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let env: Record<string, string | undefined>;
  let source: string;
  beforeAll(async () => {
    tmp = await tempDir();
    env = await offlineEnv();
    const file = await tmp.write('hostile.json', [
      {
        id: 'file:hostile-1',
        title: 'Attention <img src=x onerror=alert(1)> [click](javascript:alert(1)) \u202Egnp.exe',
        abstract: 'attention attention <script>alert(1)</script> <!-- hidden --> [prize](https://evil.example/x) ![img](https://evil.example/p.png)',
        authors: ['Eve <b>bold</b>', 'Zero\u200bWidth'],
        url: 'javascript:alert(document.cookie)',
        code: 'javascript:alert(2)',
        listedOn: '2026-06-12',
      },
      {
        id: 'file:hostile-2',
        title: 'Attention \u001b[2J\u001b[H cleared \u2066isolated\u2069 text',
        abstract: 'attention is all',
        authors: ['Mallory'],
        url: 'https://evil.example/abs',
        code: 'https://github.com/ok/repo',
        listedOn: '2026-06-12',
      },
    ]);
    source = `file:${file}`;
  });
  afterAll(() => tmp.cleanup());

  it('markdown has no raw HTML, no javascript: and no link to hosts the bot does not know', async () => {
    const run = await runCli(['digest', '--sources', source, '--interests', 'attention', '--date', '2026-06-12', '--format', 'markdown', '--threshold', '0'], env);
    expect(run.code, run.stderr).toBe(0);
    const md = run.stdout;
    expect(md).toContain('Attention');
    expect(md).not.toMatch(/<[a-z!/]/i); // no tag, comment or closing tag
    expect(md).not.toMatch(/(?<!\\)\]\(\s*javascript:/i); // the title's text stays, inert: \[click\]\(javascript:…
    const links = [...md.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const url of links) expect(url).toBe('https://github.com/ok/repo');
    expect(md).toContain('&lt;img src=x onerror=alert');
  });

  it('text output has no control, bidi or zero-width characters', async () => {
    const run = await runCli(['digest', '--sources', source, '--interests', 'attention', '--date', '2026-06-12', '--threshold', '0'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    expect(run.stdout).toContain('ZeroWidth');
    expect(run.stdout).toContain('[2J[H cleared isolated text');
  });
});
