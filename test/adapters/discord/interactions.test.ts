// `/papers` end to end: the real discord.js client receives INTERACTION_CREATE from the fake
// gateway, defers, asks the scripted core and answers through the fake REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { COMMAND_LIST } from '../../../src/commands/registry.js';
import type { CommandInfo } from '../../../src/commands/command.js';
import type { TypedOption } from '../../fakes/discord/payloads.js';
import type { Outbound } from '../../../src/types.js';
import { BOT_PERMISSIONS, IDS, alice, bob, type RecordedRequest } from '../../fakes/fake-discord.js';
import { digest, item, paper, sleep, startHarness, type Harness } from './helpers.js';

type Sent = { id: string; token: string };

let h: Harness;
const lookups: string[] = [];

beforeAll(async () => {
  h = await startHarness({
    paperIdsForAutocomplete: async (prefix) => {
      lookups.push(prefix);
      return Array.from({ length: 30 }, (_, i) => ({
        id: `2406.${String(10000 + i)}`,
        title: `A paper about ${'very '.repeat(30)}long titles number ${i}`,
      }));
    },
  });
});
afterAll(() => h.close());

const isDefer = (i: Sent) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/interactions/${i.id}/${i.token}/callback`;
const isEdit = (i: Sent) => (r: RecordedRequest) =>
  r.method === 'PATCH' && r.path === `/webhooks/${IDS.app}/${i.token}/messages/@original`;
const isDelete = (i: Sent) => (r: RecordedRequest) =>
  r.method === 'DELETE' && r.path === `/webhooks/${IDS.app}/${i.token}/messages/@original`;
const isFollowUp = (i: Sent) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/webhooks/${IDS.app}/${i.token}`;

function requestsOf(i: Sent) {
  return h.fake.rest.requests.filter((r) => r.path.includes(i.token));
}

/** The typed option Discord sends for a table entry's argument, and the text the core should get. */
function typedOption(c: CommandInfo): { options: TypedOption[]; text: string } {
  const arg = c.arg;
  if (!arg) return { options: [], text: '' };
  switch (arg.type) {
    case 'integer':
      return { options: [{ name: arg.name, type: 4, value: 7 }], text: '7' };
    case 'number':
      return { options: [{ name: arg.name, type: 10, value: 0.25 }], text: '0.25' };
    case 'boolean':
      return { options: [{ name: arg.name, type: 5, value: false }], text: 'off' };
    default:
      return { options: [{ name: arg.name, type: 3, value: ` some text for ${c.name} ` }], text: `some text for ${c.name}` };
  }
}

describe('/papers sub-commands', () => {
  it('routes every table sub-command, its typed option turned back into text, to the core, deferring first', async () => {
    for (const c of COMMAND_LIST) {
      const { options, text } = typedOption(c);
      const sent = h.fake.slash({ command: c.adminOnly ? 'papers-admin' : 'papers', sub: c.name, options, user: bob, admin: true });
      const cmd = await h.core.commands.waitFor((x) => x.name === c.name && x.user.id === bob.id);
      expect(cmd.text).toBe(text);
      expect(cmd.channel).toEqual({ platform: 'discord', channelId: IDS.channel, key: `discord:${IDS.channel}` });
      expect(cmd.user).toMatchObject({ id: bob.id, isAdmin: true });
      expect(cmd.platformNamesAdmins).toBe(true);
      const edit = await h.fake.rest.waitFor(isEdit(sent));
      expect(edit.body.content).toBe(`ran ${c.name} with "${text}"`);
      const defer = h.fake.rest.requests.find(isDefer(sent))!;
      expect(defer.body.type).toBe(5);
      expect(defer.seq).toBeLessThan(edit.seq);
      // Previews, help and settings are private; an admin's other commands are public.
      const privately = c.private;
      expect(['help', 'today', 'settings'].every((n) => COMMAND_LIST.find((x) => x.name === n)!.private)).toBe(true);
      expect(Boolean((defer.body.data?.flags ?? 0) & MessageFlags.Ephemeral)).toBe(privately);
      // Interaction responses never ping anyone either.
      expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  });

  it('defers before a slow core answers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let deferredWhenCalled: boolean | undefined;
    let sent!: Sent;
    h.core.onCommand = async (cmd) => {
      deferredWhenCalled = h.fake.rest.requests.some(isDefer(sent));
      // The model is slow: up to 2 s, or until the test has seen the deferral.
      await Promise.race([gate, sleep(2000)]);
      return { kind: 'answer', text: `slow answer to ${cmd.text}`, citations: [], extractive: false };
    };
    sent = h.fake.slash({ sub: 'ask', option: 'question', text: 'what is new in lora merging?' });
    const defer = await h.fake.rest.waitFor(isDefer(sent));
    const answeredYet = h.fake.rest.requests.some(isEdit(sent));
    release();
    const edit = await h.fake.rest.waitFor(isEdit(sent));
    expect(deferredWhenCalled).toBe(true);
    expect(answeredYet).toBe(false);
    expect(defer.seq).toBeLessThan(edit.seq);
    expect(edit.body.content).toBe('slow answer to what is new in lora merging?');
  });

  it('passes isAdmin=false for a member without ManageGuild and keeps the refusal ephemeral', async () => {
    h.core.onCommand = (cmd) =>
      cmd.user.isAdmin
        ? { kind: 'text', text: 'Interests set.' }
        : { kind: 'text', text: 'Sorry, only a channel admin can use `/papers interests`.', ephemeral: true };
    const sent = h.fake.slash({ command: 'papers-admin', sub: 'interests', option: 'interests', text: 'diffusion', user: alice, admin: false });
    const cmd = await h.core.commands.waitFor((x) => x.name === 'interests' && x.user.id === alice.id);
    expect(cmd.user.isAdmin).toBe(false);
    const edit = await h.fake.rest.waitFor(isEdit(sent));
    const defer = h.fake.rest.requests.find(isDefer(sent))!;
    expect(defer.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(edit.body.content).toContain('only a channel admin');
  });

  it('turns an ephemeral answer to a public deferral into an ephemeral follow-up', async () => {
    h.core.onCommand = () => ({ kind: 'text', text: 'No stored paper matches "zebra".', ephemeral: true });
    const sent = h.fake.slash({ sub: 'search', option: 'query', text: 'zebra' });
    const follow = await h.fake.rest.waitFor(isFollowUp(sent));
    const defer = h.fake.rest.requests.find(isDefer(sent))!;
    const del = h.fake.rest.requests.find(isDelete(sent));
    expect(defer.body.data?.flags ?? 0).toBe(0);
    expect(del).toBeDefined();
    expect(del!.seq).toBeLessThan(follow.seq);
    expect(follow.body.flags).toBe(MessageFlags.Ephemeral);
    expect(follow.body.content).toContain('No stored paper matches');
    expect(requestsOf(sent).some(isEdit(sent))).toBe(false);
  });

  it('answers a failing core with an ephemeral apology', async () => {
    h.core.onCommand = () => {
      throw new Error('store down');
    };
    const sent = h.fake.slash({ sub: 'paper', option: 'id', text: '2406.01234' });
    const follow = await h.fake.rest.waitFor(isFollowUp(sent));
    expect(follow.body.flags).toBe(MessageFlags.Ephemeral);
    expect(follow.body.content).toMatch(/went wrong/);
  });

  it('shows a search result with many papers in several messages within the limits', async () => {
    const items = Array.from({ length: 12 }, (_, i) =>
      item(paper({ id: `2406.0${1000 + i}`, title: `Paper ${i}` }), { tldr: 'x'.repeat(900) }),
    );
    h.core.onCommand = (): Outbound => ({ kind: 'papers', title: '12 matches for "lora"', items, footer: 'newest first' });
    const sent = h.fake.slash({ sub: 'search', option: 'query', text: 'lora' });
    const edit = await h.fake.rest.waitFor(isEdit(sent));
    const bodies = () => [edit, ...h.fake.rest.requests.filter(isFollowUp(sent))].map((r) => r.body);
    const embedCount = () => bodies().reduce((n, b) => n + (b.embeds?.length ?? 0), 0);
    // The fake answers 400 (code 50035) past any limit; follow-ups carry the rest.
    await h.fake.rest.waitFor(() => embedCount() >= 12).catch(() => undefined);
    expect(embedCount()).toBe(12);
    expect(bodies().length).toBeGreaterThan(1);
    expect(edit.body.content).toContain('12 matches for "lora"');
    for (const b of bodies()) expect((b.embeds ?? []).length).toBeLessThanOrEqual(10);
    expect(h.fake.rest.requests.filter((r) => r.path.includes(sent.token)).every((r) => r.method === 'POST' || r.method === 'PATCH')).toBe(true);
  });

  it('previews today’s digest ephemerally with paper embeds', async () => {
    h.core.onCommand = () => ({ kind: 'digest', digest: digest([item(), item(paper({ id: '2406.05555', title: 'Second' }))]), ephemeral: true });
    const sent = h.fake.slash({ sub: 'today' });
    const edit = await h.fake.rest.waitFor(isEdit(sent));
    const defer = h.fake.rest.requests.find(isDefer(sent))!;
    expect(defer.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(edit.body.content).toContain('Paper digest · 2026-06-01');
    expect(edit.body.embeds.map((e: { title: string }) => e.title)).toEqual(['Merging LoRA Adapters Without Interference', 'Second']);
  });

  it('spells admin sub-commands in answers the way Discord registers them (/papers-admin)', async () => {
    h.core.onCommand = () => ({ kind: 'text', text: 'Try `/papers size 7`, `/papers search lora`, `/papers subscribe <interests>` or `/papers nope`.' });
    const sent = h.fake.slash({ sub: 'help' });
    const edit = await h.fake.rest.waitFor(isEdit(sent));
    expect(edit.body.content).toBe('Try `/papers-admin size 7`, `/papers search lora`, `/papers-admin subscribe <interests>` or `/papers nope`.');
  });

  it('speaks for the parent channel when run inside a thread', async () => {
    h.core.onCommand = () => ({ kind: 'text', text: 'ok' });
    h.fake.slash({ sub: 'settings', channelId: IDS.thread, user: { ...alice, id: '940000000000000009' } });
    const cmd = await h.core.commands.waitFor((x) => x.user.id === '940000000000000009');
    expect(cmd.channel.key).toBe(`discord:${IDS.channel}`);
  });
});

describe('/papers subscribe checks the bot’s own permissions', () => {
  it('refuses clearly, without calling the core, when Send Messages or Embed Links is missing', async () => {
    const before = h.core.commands.items.length;
    const sent = h.fake.slash({
      command: 'papers-admin',
      sub: 'subscribe',
      option: 'interests',
      text: 'lora',
      user: bob,
      admin: true,
      appPermissions: BOT_PERMISSIONS & ~PermissionFlagsBits.EmbedLinks,
    });
    const edit = await h.fake.rest.waitFor(isEdit(sent));
    const defer = h.fake.rest.requests.find(isDefer(sent))!;
    expect(defer.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(edit.body.content).toMatch(/can't post digests/);
    expect(edit.body.content).toContain('Then run `/papers-admin subscribe` again.');
    expect(edit.body.content).toContain('Embed Links');
    expect(h.core.commands.items.length).toBe(before);
  });

  it('subscribes but warns about missing thread permissions', async () => {
    h.core.onCommand = () => ({ kind: 'text', text: 'Subscribed: this channel will get a digest of new papers.' });
    const sent = h.fake.slash({
      command: 'papers-admin',
      sub: 'subscribe',
      option: 'interests',
      text: 'lora',
      user: bob,
      admin: true,
      appPermissions: BOT_PERMISSIONS & ~PermissionFlagsBits.CreatePublicThreads,
    });
    await h.core.commands.waitFor((x) => x.name === 'subscribe' && x.text === 'lora');
    const edit = await h.fake.rest.waitFor(isEdit(sent));
    expect(edit.body.content).toMatch(/^⚠️ .*Create Public Threads/);
    expect(edit.body.content).toContain('Subscribed: this channel will get a digest');
    expect(edit.body.content).not.toContain('Send Messages**');
  });
});

describe('autocomplete for /papers paper id:', () => {
  it('answers with at most 25 stored ids, without deferring', async () => {
    const sent = h.fake.autocomplete({ sub: 'paper', option: 'id', text: '2406' });
    const cb = await h.fake.rest.waitFor(isDefer(sent));
    expect(cb.body.type).toBe(8);
    const choices = cb.body.data.choices as Array<{ name: string; value: string }>;
    expect(choices).toHaveLength(25);
    expect(choices[0]!.value).toBe('2406.10000');
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(lookups).toContain('2406');
    expect(h.fake.rest.requests.filter(isDefer(sent))).toHaveLength(1);
  });
});
