// Expensive work is limited per user and bounded overall (src/limits/rate-limit.ts), and unknown-id
// lookups coalesce, batch and refuse past a small queue (src/limits/coalesced-lookup.ts), all
// through BotCore with the fake chat adapter.
import { describe, expect, it } from 'vitest';
import { makeBot, FakeLookup } from './harness.js';
import { createExpensiveWork } from '../../src/limits/rate-limit.js';
import type { DigestPreviewer } from '../../src/ports.js';
import type { Outbound, Paper } from '../../src/types.js';
import { REMOTE } from './sample-papers.js';

const text = (o: Outbound | null) => (o && 'text' in o ? o.text : '');

/** A previewer that holds every preview until `release()` and counts how many ran at once. */
function gatedPreviewer() {
  let running = 0;
  let peak = 0;
  let started = 0;
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const digests: DigestPreviewer = {
    async preview(sub) {
      started++;
      running++;
      peak = Math.max(peak, running);
      await gate;
      running--;
      return { date: '2026-06-15', channelKey: sub.channel.key, interests: sub.interests, totalNew: 0, items: [], notes: [] };
    },
  };
  return { digests, release: () => open(), stats: () => ({ peak, started }) };
}

describe('limits on expensive commands', () => {
  it('a user past the per-user rate gets a clear reply naming the wait; others are unaffected', async () => {
    let now = 1_000_000;
    const h = await makeBot({ overrides: { work: createExpensiveWork({ perUser: 3, windowMs: 60_000 }, () => now) } });
    const me = { id: 'eager' };
    for (let i = 0; i < 3; i++) expect((await h.chat.command(h.channel, 'today', '', me)).kind).toBe('digest');
    const refused = await h.chat.command(h.channel, 'today', '', me);
    expect(refused).toMatchObject({ kind: 'text', ephemeral: true });
    expect(text(refused)).toMatch(/please wait 60 s and try again/);
    expect(text(await h.chat.command(h.channel, 'ask', 'what is lora?', me))).toMatch(/wait \d+ s/);
    expect(text(await h.chat.command(h.channel, 'weekly', '', me))).toMatch(/wait \d+ s/);
    expect((await h.chat.command(h.channel, 'today', '', { id: 'someone-else' })).kind).toBe('digest');
    now += 60_001;
    expect((await h.chat.command(h.channel, 'today', '', me)).kind).toBe('digest');
    // Cheap commands are never limited.
    expect(text(await h.chat.command(h.channel, 'help', '', me))).toContain('/papers');
  });

  it('a burst of 60 `today` runs at most 2 previews at once, queues 8 and tells the rest "busy" at once', async () => {
    const gated = gatedPreviewer();
    const h = await makeBot({ overrides: { digests: gated.digests, work: createExpensiveWork({ concurrency: 2, maxQueue: 8, perUser: 5 }) } });
    const replies = Array.from({ length: 60 }, (_, i) => h.chat.command(h.channel, 'today', '', { id: `u${i}` }));
    const settled: Outbound[] = [];
    replies.forEach((p) => void p.then((o) => settled.push(o)));
    await new Promise((r) => setTimeout(r, 50));
    // Everyone past the queue already has their answer, without waiting for the previews.
    expect(settled).toHaveLength(50);
    expect(settled.every((o) => /busy with other requests/.test(text(o)))).toBe(true);
    expect(gated.stats()).toEqual({ peak: 2, started: 2 });
    gated.release();
    const all = await Promise.all(replies);
    expect(all.filter((o) => o.kind === 'digest')).toHaveLength(10);
    expect(gated.stats().peak).toBe(2);
  });

  it('thread questions share the per-user rate', async () => {
    const h = await makeBot({ overrides: { work: createExpensiveWork({ perUser: 2 }) } });
    const { papers } = await h.postDigest();
    const thread = papers[0]!;
    const me = { id: 'curious' };
    expect((await h.chat.threadMessage(thread, 'what data?', me))?.kind).toBe('answer');
    expect((await h.chat.threadMessage(thread, 'which model?', me))?.kind).toBe('answer');
    expect(text(await h.chat.threadMessage(thread, 'and the loss?', me))).toMatch(/wait \d+ s and try again/);
  });
});

/** A lookup that answers only when released, recording each request's ids. */
class SlowLookup extends FakeLookup {
  private open!: () => void;
  private readonly gate = new Promise<void>((r) => (this.open = r));
  release(): void {
    this.open();
  }
  override async byIds(ids: string[]): Promise<Paper[]> {
    this.calls.push(ids);
    await this.gate;
    return [REMOTE].filter((p) => ids.includes(p.id));
  }
}

describe('unknown-id `paper` lookups', () => {
  it('coalesce identical ids, batch distinct ones into one request and refuse past the queue', async () => {
    const lookup = new SlowLookup([]);
    const h = await makeBot({ overrides: { lookup, work: createExpensiveWork({ perUser: 100 }) } });
    const ids = Array.from({ length: 19 }, (_, i) => `2406.${String(10000 + i)}`);
    const asks = [
      ...[REMOTE.id, REMOTE.id, REMOTE.id].map((id, i) => h.chat.command(h.channel, 'paper', id, { id: `same${i}` })),
      ...ids.map((id, i) => h.chat.command(h.channel, 'paper', id, { id: `other${i}` })),
    ];
    await new Promise((r) => setTimeout(r, 100));
    lookup.release();
    const replies = await Promise.all(asks);
    // One request for everything that fit: REMOTE once, plus 19 distinct ids.
    expect(lookup.calls).toHaveLength(1);
    expect(lookup.calls[0]!.filter((id) => id === REMOTE.id)).toHaveLength(1);
    expect(lookup.calls[0]!).toHaveLength(20);
    expect(replies.slice(0, 3).every((o) => o.kind === 'papers')).toBe(true);
    // The 21st distinct id waiting is refused at once, not queued without bound.
    const busy = replies.filter((o) => /busy with other requests/.test(text(o)));
    expect(busy).toHaveLength(0);
    const third = new SlowLookup([]);
    const h2 = await makeBot({ overrides: { lookup: third, work: createExpensiveWork({ perUser: 100 }) } });
    const many = Array.from({ length: 25 }, (_, i) => h2.chat.command(h2.channel, 'paper', `2406.${20000 + i}`, { id: `x${i}` }));
    await new Promise((r) => setTimeout(r, 50));
    third.release();
    const out = await Promise.all(many);
    expect(out.filter((o) => /busy with other requests/.test(text(o)))).toHaveLength(5);
    expect(third.calls.flat()).toHaveLength(20);
  });
});
