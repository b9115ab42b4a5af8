// Untrusted text (titles, abstracts, authors, TL;DRs, model output, code URLs, user input) never
// becomes a live link or markup: driven through the real Slack and Discord SDKs against the fakes.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { slackChannelRef } from '../../adapters/slack/refs.js';
import { discordChannelRef } from '../../adapters/discord/index.js';
import { renderOutbound as renderConsole } from '../../adapters/console/render.js';
import { silentLogger } from '../../src/logger.js';
import type { Digest, DigestItem, Outbound, Paper } from '../../src/types.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { IDS, type RecordedRequest } from '../fakes/fake-discord.js';
import { startHarness, type Harness } from '../adapters/discord/helpers.js';

const EVIL = 'https://evil.example/steal';
const MASKED = `[Download the code](${EVIL})`;
const ALLOWED = /^https:\/\/([a-z0-9-]+\.)*(arxiv\.org|huggingface\.co|github\.com)\//;

function hostilePaper(): Paper {
  return {
    id: '2406.01234',
    title: `Great results ${MASKED} <${EVIL}|click>`,
    abstract: `We release code: ${MASKED}.`,
    authors: [`Mallory ${MASKED}`, 'Bob'],
    categories: ['cs.LG'],
    published: '2026-06-01T00:00:00Z',
    sources: ['hf'],
    links: {
      abs: EVIL,
      pdf: 'javascript:alert(1)',
      code: `https://github.com/a/b) [Free Nitro](${EVIL}`,
      project: EVIL,
      thumbnail: 'https://cdn.example.org/t.png',
    },
    signals: { upvotes: 3, githubStars: 1200 },
    aiSummary: `TL;DR ${MASKED}`,
  } as Paper;
}

function hostileItem(): DigestItem {
  return { paper: hostilePaper(), tldr: `HF says ${MASKED}`, why: `matches ${MASKED}`, score: 0.9 } as DigestItem;
}

function hostileDigest(): Digest {
  return {
    date: '2026-06-01',
    interests: `robots ${MASKED}`,
    totalNew: 1,
    items: [hostileItem()],
    notes: [{ kind: 'source-failed', text: `Source hf failed: ${MASKED}` }],
    themes: `Themes ${MASKED}`,
  };
}

const outbounds = (): Outbound[] => {
  const d = hostileDigest();
  return [
    { kind: 'text', text: `Interests set to: ${MASKED}` },
    { kind: 'answer', text: `The abstract says ${MASKED} [1].`, citations: [{ index: 1, paperId: 'x', title: `T ${MASKED}`, url: EVIL }], extractive: true },
    { kind: 'digest-header', digest: d },
    { kind: 'digest-paper', digest: d, item: d.items[0]!, rank: 1 },
    { kind: 'digest', digest: d },
    { kind: 'papers', title: `Results for ${MASKED}`, items: d.items, footer: `More: ${MASKED}` },
  ];
};

describe('Slack: untrusted text never becomes <url|label>', () => {
  let fake: FakeSlackApi;
  let adapter: SlackAdapter;
  beforeEach(async () => {
    fake = await startFakeSlackApi();
    adapter = createSlackAdapter({
      botToken: 'xoxb-test',
      signingSecret: 'secret',
      apiUrl: fake.apiUrl,
      logger: silentLogger,
      botUserId: 'UBOT',
      botId: 'BBOT',
      clientOptions: { retryConfig: { retries: 0 } },
      paceMs: 0,
    });
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  it('every outbound kind posts only links to arXiv, Hugging Face and GitHub', async () => {
    for (const out of outbounds()) await adapter.post(slackChannelRef('C1'), out);
    const calls = fake.callsTo('chat.postMessage');
    expect(calls).toHaveLength(outbounds().length);
    for (const call of calls) {
      const wire = JSON.stringify(call.params);
      expect(wire).not.toContain(`<${EVIL}`);
      expect(wire).not.toContain('javascript:');
      expect(wire).not.toContain('Free Nitro](');
      const links = [...wire.matchAll(/<(https?:[^|>]+)\|/g)].map((m) => m[1]!);
      for (const url of links) expect(url, url).toMatch(ALLOWED);
    }
    // The quoted link is still there as text, so readers see what the abstract said.
    expect(JSON.stringify(calls[1]!.params)).toContain(`[Download the code](${EVIL})`);
  });
});

describe('Discord: no live masked link from titles, authors, TL;DRs, notes, code URLs or answers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('every outbound kind carries masked links only to arXiv and GitHub, and escapes the rest', async () => {
    const start = h.fake.rest.requests.at(-1)?.seq ?? 0;
    for (const out of outbounds()) await h.adapter.post(discordChannelRef(IDS.channel), out);
    const posts = h.fake.rest.requests.filter(
      (r: RecordedRequest) => r.seq > start && r.method === 'POST' && r.path === `/channels/${IDS.channel}/messages`,
    );
    expect(posts.length).toBeGreaterThanOrEqual(outbounds().length);
    for (const post of posts) {
      const texts: string[] = [];
      const body = post.body as { content?: string; embeds?: Array<Record<string, unknown>> };
      if (body.content) texts.push(body.content);
      for (const e of body.embeds ?? []) {
        texts.push(String(e.title ?? ''), String(e.description ?? ''));
        for (const f of (e.fields as Array<{ name: string; value: string }>) ?? []) texts.push(f.name, f.value);
        if (e.url) expect(String(e.url)).toMatch(ALLOWED);
      }
      for (const text of texts) {
        // An unescaped `[label](url)` is a live masked link in Discord.
        for (const m of text.matchAll(/(?<!\\)\[([^\]]*)\]\(<?([^)>\s]+)>?\)/g)) expect(m[2], text).toMatch(ALLOWED);
        expect(text).not.toContain('Free Nitro](');
      }
    }
  });
});

describe('console: no escape sequences, bidi overrides or zero-width characters reach the terminal', () => {
  it('strips them from every outbound kind', () => {
    const bad = 'a\u001b[2Jb\u202ec\u2066d\u200be\u200df\ufeffg';
    const d = hostileDigest();
    d.interests = bad;
    d.items[0]!.paper.title = bad;
    const text = outbounds()
      .concat([{ kind: 'text', text: bad }, { kind: 'digest', digest: d }])
      .map((o) => renderConsole(o))
      .join('\n');
    expect(text).not.toMatch(/[\u001b\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/);
    expect(text).toContain('a[2Jbcdefg');
  });
});
