import { describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, OTHER, makeBot, textOf } from '../bot/harness.js';
import { channelRef } from '../fakes/fake-chat-adapter.js';

const ADMIN_ONLY: Array<[string, string]> = [
  ['unsubscribe', ''],
  ['pause', ''],
  ['resume', ''],
  ['interests', 'robots'],
  ['schedule', '08:30 UTC'],
  ['sources', 'hf'],
  ['size', '3'],
  ['threshold', '0.3'],
  ['quiet', 'off'],
  ['exclude', 'survey'],
  ['follow', 'Ada Lovelace'],
  ['subscribe', 'robots'],
];

describe('/papers subscribe', () => {
  it('creates a subscription with defaults in the user zone, subscribedBy the user', async () => {
    const h = await makeBot();
    const out = await h.chat.command(h.channel, 'subscribe', 'retrieval, long context', MEMBER, { userTz: 'Europe/Berlin' });
    expect(out).toMatchObject({ kind: 'text', ephemeral: false });
    expect(textOf(out)).toMatch(/Subscribed/);
    expect(textOf(out)).toContain('09:00 Europe/Berlin, weekdays');
    const sub = await h.store.getSubscription(h.channel.key);
    expect(sub).toMatchObject({
      channel: h.channel,
      interests: 'retrieval, long context',
      subscribedBy: MEMBER.id,
      size: 5,
      threshold: 0.1,
      sources: [],
      paused: false,
      schedule: { time: '09:00', tz: 'Europe/Berlin', days: [1, 2, 3, 4, 5] },
      createdAt: '2026-06-15T07:00:00.000Z',
    });
  });

  it('falls back to the default zone and interests', async () => {
    const h = await makeBot();
    await h.chat.command(h.channel, 'subscribe', '', ADMIN, { userTz: 'Mars/Olympus' });
    expect(await h.store.getSubscription(h.channel.key)).toMatchObject({ interests: 'language models', schedule: { tz: 'UTC' } });
  });

  it('re-subscribing updates the interests and resumes', async () => {
    const h = await makeBot();
    await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER);
    await h.chat.command(h.channel, 'pause', '', MEMBER);
    const out = await h.chat.command(h.channel, 'subscribe', 'robot learning', MEMBER);
    expect(textOf(out)).toMatch(/Updated the interests/);
    expect(await h.store.getSubscription(h.channel.key)).toMatchObject({ interests: 'robot learning', paused: false, subscribedBy: MEMBER.id });
  });

  it('rejects overlong interests with usage', async () => {
    const h = await makeBot();
    const text = textOf(await h.chat.command(h.channel, 'subscribe', 'x '.repeat(400), MEMBER));
    expect(text).toMatch(/at most 500 characters/);
    expect(text).toContain('Usage: `/papers subscribe <interests>`');
    expect(await h.store.getSubscription(h.channel.key)).toBeUndefined();
  });
});

describe('admin checks', () => {
  it('refuses every admin command to a non-admin who did not subscribe, ephemerally, changing nothing', async () => {
    const h = await makeBot();
    await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER);
    const before = await h.store.getSubscription(h.channel.key);
    for (const [name, text] of ADMIN_ONLY) {
      const out = await h.chat.command(h.channel, name, text, OTHER);
      expect(out, name).toMatchObject({ kind: 'text', ephemeral: true });
      expect(textOf(out), name).toMatch(/only a channel admin can use `\/papers/);
    }
    expect(await h.store.getSubscription(h.channel.key)).toEqual(before);
  });

  it('accepts the subscriber and platform admins; anyone may read settings', async () => {
    const h = await makeBot();
    await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER);
    expect(textOf(await h.chat.command(h.channel, 'size', '3', MEMBER))).toMatch(/up to 3 papers/);
    expect(textOf(await h.chat.command(h.channel, 'size', '4', ADMIN))).toMatch(/up to 4 papers/);
    const settings = await h.chat.command(h.channel, 'settings', '', OTHER);
    expect(settings).toMatchObject({ kind: 'text', ephemeral: true });
    expect(textOf(settings)).toContain('**Size:** up to 4 papers');
  });

  it('settings commands on an unsubscribed channel point to subscribe', async () => {
    const h = await makeBot();
    for (const [name, text] of [...ADMIN_ONLY.filter(([n]) => n !== 'subscribe'), ['settings', '']] as const) {
      const out = await h.chat.command(h.channel, name, text, ADMIN);
      expect(textOf(out), name).toContain('not subscribed');
      expect(textOf(out), name).toContain('/papers subscribe <interests>');
    }
  });
});

describe('unsubscribe, pause, resume', () => {
  it('pauses and resumes, saying so when nothing changes', async () => {
    const h = await makeBot();
    await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER);
    expect(textOf(await h.chat.command(h.channel, 'resume', '', MEMBER))).toMatch(/not paused/);
    expect(textOf(await h.chat.command(h.channel, 'pause', '', MEMBER))).toMatch(/^Paused/);
    expect(await h.store.getSubscription(h.channel.key)).toMatchObject({ paused: true, pausedReason: 'paused by user one on 2026-06-15' });
    expect(textOf(await h.chat.command(h.channel, 'pause', '', MEMBER))).toMatch(/already paused/);
    expect(textOf(await h.chat.command(h.channel, 'settings', '', OTHER))).toContain('**paused** (paused by user one on 2026-06-15)');
    expect(textOf(await h.chat.command(h.channel, 'resume', '', MEMBER))).toMatch(/^Resumed/);
    const sub = await h.store.getSubscription(h.channel.key);
    expect(sub?.paused).toBe(false);
    expect(sub?.pausedReason).toBeUndefined();
  });

  it('unsubscribes', async () => {
    const h = await makeBot();
    await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER);
    expect(textOf(await h.chat.command(h.channel, 'unsubscribe', '', MEMBER))).toMatch(/^Unsubscribed/);
    expect(await h.store.getSubscription(h.channel.key)).toBeUndefined();
  });
});

describe('setting commands', () => {
  async function subscribed() {
    const h = await makeBot();
    await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER);
    const sub = async () => (await h.store.getSubscription(h.channel.key))!;
    const run = (name: string, text = '') => h.chat.command(h.channel, name, text, MEMBER);
    return { h, sub, run };
  }

  it('interests: sets the text; empty gets usage', async () => {
    const { sub, run } = await subscribed();
    expect(textOf(await run('interests', 'world models,  video'))).toBe('Interests set to: world models, video');
    expect((await sub()).interests).toBe('world models, video');
    expect(textOf(await run('interests'))).toContain('Usage: `/papers interests <text>`');
  });

  it('size: 1–20 only', async () => {
    const { sub, run } = await subscribed();
    expect(textOf(await run('size', '20'))).toMatch(/up to 20 papers/);
    for (const bad of ['0', '21', 'five', '3.5', '-2', '']) {
      expect(textOf(await run('size', bad)), bad).toContain('Usage: `/papers size <1-20>`');
    }
    expect((await sub()).size).toBe(20);
  });

  it('threshold: a number from 0 to 1', async () => {
    const { sub, run } = await subscribed();
    expect(textOf(await run('threshold', '0.35'))).toMatch(/at least 0.35/);
    for (const bad of ['1.5', '-0.1', 'high', '']) {
      expect(textOf(await run('threshold', bad)), bad).toContain('Usage: `/papers threshold <0-1>`');
    }
    expect((await sub()).threshold).toBe(0.35);
    expect(textOf(await run('settings'))).toContain('**Threshold:** 0.35');
  });

  it('quiet on means quiet: no note on a day with nothing new; quiet off brings the note back', async () => {
    const { sub, run } = await subscribed();
    expect((await sub()).quietDayNote).not.toBe(false);
    expect(textOf(await run('settings'))).toContain('**Quiet:** off');
    expect(textOf(await run('quiet', 'on'))).toMatch(/Quiet on: days with nothing new will post nothing/);
    expect((await sub()).quietDayNote).toBe(false);
    expect(textOf(await run('settings'))).toContain('**Quiet:** on');
    expect(textOf(await run('quiet', 'maybe'))).toContain('Usage: `/papers quiet <on|off>`');
    expect(textOf(await run('quiet', 'off'))).toMatch(/Quiet off: .*quiet-day note/);
    expect((await sub()).quietDayNote).toBe(true);
  });

  it('settings shows no Include line, which no chat command sets', async () => {
    const { run } = await subscribed();
    expect(textOf(await run('settings'))).not.toContain('Include');
  });

  it('sources: validates names, normalizes, resets to default', async () => {
    const { sub, run } = await subscribed();
    expect(textOf(await run('sources', 'HF, arxiv:cs.cl arxiv:astro-ph.CO,file:./papers.json'))).toBe(
      'Sources set to: hf, arxiv:cs.CL, arxiv:astro-ph.CO, file:./papers.json.',
    );
    expect((await sub()).sources).toEqual(['hf', 'arxiv:cs.CL', 'arxiv:astro-ph.CO', 'file:./papers.json']);
    const bad = textOf(await run('sources', 'hf, semantic-scholar'));
    expect(bad).toMatch(/"semantic-scholar" is not a source I know/);
    expect(bad).toContain('arxiv:<category>');
    expect(textOf(await run('sources', 'arxiv:cs..LG'))).toMatch(/not an arXiv category/);
    // Refused with a clear message, never rewritten into something that looks valid.
    for (const evil of ['arxiv:evil.example.com', 'arxiv:evil.example', 'arxiv:cs.LG/../x', 'arxiv:https://evil.example']) {
      expect(textOf(await run('sources', evil)), evil).toMatch(/is not an arXiv category; write it like arxiv:cs\.LG/);
    }
    const many = Array.from({ length: 11 }, (_, i) => `arxiv:cs.A${String.fromCharCode(65 + i)}`).join(',');
    expect(textOf(await run('sources', many))).toMatch(/At most 10 sources/);
    expect((await sub()).sources).toHaveLength(4);
    expect(textOf(await run('sources', 'default'))).toMatch(/reset to the default: hf, arxiv:cs.LG/);
    expect((await sub()).sources).toEqual([]);
    expect(textOf(await run('sources'))).toContain('(default)');
  });

  it('sources: chat users on Slack/Discord cannot make the server read local files', async () => {
    const h = await makeBot();
    const slack = channelRef('C9', 'slack');
    await h.chat.command(slack, 'subscribe', 'robots', MEMBER);
    const out = textOf(await h.chat.command(slack, 'sources', 'hf, file:/etc/passwd', MEMBER));
    expect(out).toMatch(/only its operator can set them/);
    expect((await h.store.getSubscription(slack.key))?.sources).toEqual([]);
  });

  it('exclude: sets the list, clears it, shows it', async () => {
    const { sub, run } = await subscribed();
    await run('exclude', 'survey, Benchmark only, survey');
    expect((await sub()).exclude).toEqual(['survey', 'Benchmark only']);
    expect(textOf(await run('exclude'))).toContain('Excluded now: survey, Benchmark only.');
    expect(textOf(await run('exclude', 'clear'))).toMatch(/Cleared/);
    expect((await sub()).exclude).toEqual([]);
  });

  it('follow: adds, lists, removes with -Name', async () => {
    const { sub, run } = await subscribed();
    expect(textOf(await run('follow'))).toBe('No followed authors yet.');
    await run('follow', 'Yoshua Bengio');
    expect(textOf(await run('follow', 'yoshua bengio'))).toMatch(/already followed/);
    await run('follow', 'Ada Lovelace');
    expect((await sub()).follow).toEqual(['Yoshua Bengio', 'Ada Lovelace']);
    expect(textOf(await run('follow'))).toBe('Followed authors: Yoshua Bengio, Ada Lovelace.');
    expect(textOf(await run('follow', '-yoshua BENGIO'))).toBe('Stopped following yoshua BENGIO.');
    expect((await sub()).follow).toEqual(['Ada Lovelace']);
    expect(textOf(await run('follow', '-Nobody'))).toMatch(/not followed/);
    expect(textOf(await run('follow', '-'))).toContain('Usage:');
  });
});
