// `/papers next`: the one sub-command added to show what adding a sub-command touches
// (its file, one table line, this test); Slack help and Discord's /papers come from the table.
import { describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, makeBot, textOf } from '../bot/harness.js';
import { buildDiscordCommands } from '../../adapters/discord/index.js';
import { USAGE_HINT } from '../../adapters/slack/manifest.js';

describe('/papers next', () => {
  it('says when the next digest is due, privately, to anyone', async () => {
    const h = await makeBot(); // Monday 2026-06-15 07:00 UTC = 09:00 in Berlin
    expect(textOf(await h.chat.command(h.channel, 'next', '', MEMBER))).toBe('No digests here yet: `/papers subscribe <interests>` starts them.');
    await h.chat.command(h.channel, 'subscribe', 'robots', ADMIN);
    await h.chat.command(h.channel, 'schedule', '08:30 Europe/Berlin mon-fri', ADMIN);
    const out = await h.chat.command(h.channel, 'next', '', MEMBER);
    expect(out).toMatchObject({ kind: 'text', ephemeral: true });
    expect(textOf(out)).toBe('Next digest here: Tue 2026-06-16 08:30 Europe/Berlin.');
    await h.chat.command(h.channel, 'pause', '', ADMIN);
    expect(textOf(await h.chat.command(h.channel, 'next', '', MEMBER))).toMatch(/^Digests here are paused \(paused by boss on 2026-06-15\); `\/papers resume` starts them again\./);
  });

  it('appears on every surface from its table entry alone', async () => {
    const h = await makeBot();
    expect(textOf(await h.chat.command(h.channel, 'help'))).toContain("`/papers next` — when this channel's next digest is due.");
    const [papers] = buildDiscordCommands();
    expect(papers!.options!.map((o) => o.name)).toContain('next');
    expect(USAGE_HINT.split(' | ')).toContain('next');
  });
});
