// `/papers` and `/papers-admin` as generated from the command table, and their registration
// (PUT to the fake REST).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LIST } from '../../../src/commands/registry.js';
import type { CommandInfo } from '../../../src/commands/command.js';
import { buildDiscordCommands, registerDiscordCommands } from '../../../adapters/discord/index.js';
import { IDS, startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';

type Opt = { type: number; name: string; description: string; required: boolean; autocomplete?: boolean; min_value?: number; max_value?: number; choices?: unknown[] };
type SubOption = { type: number; name: string; description: string; options: Opt[] };

const MANAGE_GUILD = String(1n << 5n);

describe('buildDiscordCommands', () => {
  const [papers, admin] = buildDiscordCommands();
  const subsOf = (c: typeof papers) => c!.options as unknown as SubOption[];
  const all = [...subsOf(papers), ...subsOf(admin)];
  const byName = new Map(all.map((s) => [s.name, s]));
  const opt = (sub: string) => byName.get(sub)!.options[0]!;

  it('puts member sub-commands in /papers and admin ones in /papers-admin behind Manage Server', () => {
    expect(papers).toMatchObject({ name: 'papers', type: 1, contexts: [0] });
    expect(papers!.default_member_permissions).toBeUndefined();
    expect(admin).toMatchObject({ name: 'papers-admin', type: 1, contexts: [0], default_member_permissions: MANAGE_GUILD });
    expect(subsOf(papers).map((s) => s.name)).toEqual(COMMAND_LIST.filter((c) => !c.adminOnly).map((c) => c.name));
    expect(subsOf(admin).map((s) => s.name)).toEqual(COMMAND_LIST.filter((c) => c.adminOnly).map((c) => c.name));
    expect(subsOf(admin).map((s) => s.name)).toEqual(expect.arrayContaining(['subscribe', 'size', 'threshold', 'quiet', 'unsubscribe']));
    expect(all.every((s) => s.type === 1)).toBe(true);
  });

  it('stays within Discord’s limits for names and descriptions', () => {
    for (const c of [papers!, admin!]) {
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.options!.length).toBeLessThanOrEqual(25);
    }
    for (const s of all) {
      expect(s.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(s.description.length).toBeGreaterThan(0);
      expect(s.description.length).toBeLessThanOrEqual(100);
      for (const o of s.options) {
        expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('types each argument: size INTEGER with bounds, threshold NUMBER 0–1, quiet BOOLEAN, paper id with autocomplete', () => {
    expect(opt('size')).toMatchObject({ type: 4, name: 'papers', required: true, min_value: 1, max_value: 20 });
    expect(opt('threshold')).toMatchObject({ type: 10, name: 'relevance', required: true, min_value: 0, max_value: 1 });
    expect(opt('quiet')).toMatchObject({ type: 5, required: true });
    expect(opt('paper')).toMatchObject({ type: 3, name: 'id', required: true, autocomplete: true });
    expect(opt('search')).toMatchObject({ type: 3, name: 'query', required: true });
    expect(opt('search').autocomplete).toBeUndefined();
    expect(opt('ask')).toMatchObject({ type: 3, name: 'question', required: true });
    expect(opt('today')).toMatchObject({ type: 3, name: 'show', required: false, choices: [{ name: 'hidden', value: 'hidden' }] });
    // These show the current value (or a default) when left empty.
    expect(opt('subscribe').required).toBe(false);
    expect(opt('schedule').required).toBe(false);
    for (const c of COMMAND_LIST) expect(byName.get(c.name)!.options).toHaveLength(c.arg ? 1 : 0);
  });

  it('offers a choice list as STRING choices', () => {
    const entry: CommandInfo = {
      name: 'digest-days',
      description: 'd',
      usage: 'digest-days <daily|weekdays>',
      example: 'digest-days daily',
      adminOnly: false,
      private: false,
      slow: false,
      arg: { type: 'choice', name: 'days', description: 'which days', required: true, choices: ['daily', 'weekdays'] },
    };
    const [members] = buildDiscordCommands([entry]);
    expect((members!.options as unknown as SubOption[])[0]!.options[0]).toMatchObject({
      type: 3,
      name: 'days',
      choices: [{ name: 'daily', value: 'daily' }, { name: 'weekdays', value: 'weekdays' }],
    });
  });

  it('truncates long descriptions and rejects what Discord cannot register', () => {
    const base: CommandInfo = { name: 'x', description: 'd'.repeat(300), usage: 'x <y>', example: 'x y', adminOnly: false, private: false, slow: false };
    const one = buildDiscordCommands([base])[0]!.options as unknown as SubOption[];
    expect(one[0]!.description).toHaveLength(100);
    expect(one[0]!.description.endsWith('…')).toBe(true);
    expect(() => buildDiscordCommands([{ ...base, name: 'Bad Name' }])).toThrow(/sub-command name/);
    expect(() => buildDiscordCommands([{ ...base, arg: { type: 'text', name: 'Bad', description: 'd', required: false } }])).toThrow(/option name/);
    expect(() => buildDiscordCommands(Array.from({ length: 26 }, (_, i) => ({ ...base, name: `c${i}` })))).toThrow(/25/);
  });
});

describe('registerDiscordCommands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(() => fake.close());

  it('PUTs both commands to one guild (instant) with the bot token', async () => {
    const result = await registerDiscordCommands({ token: 'fake-bot-token', applicationId: IDS.app, apiUrl: fake.rest.api, guildId: IDS.guild });
    expect(result).toEqual({ scope: 'guild', names: ['papers', 'papers-admin'], subcommands: COMMAND_LIST.length });
    const [put] = fake.rest.find('PUT', new RegExp(`^/applications/${IDS.app}/guilds/${IDS.guild}/commands$`));
    expect(put!.headers.authorization).toBe('Bot fake-bot-token');
    expect(put!.body).toEqual(buildDiscordCommands());
    expect(put!.body[1].default_member_permissions).toBe(MANAGE_GUILD);
  });

  it('the fake refuses a definition the real API would (so the test above means something)', async () => {
    const [papers] = buildDiscordCommands();
    const bad = { ...papers!, options: [{ type: 1, name: 'x', description: 'x', options: [{ type: 3, name: 'n', description: 'n', min_value: 1 }] }] };
    const res = await fetch(`${fake.rest.api}/v10/applications/1/commands`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: 'Bot t' },
      body: JSON.stringify([bad]),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 50035 });
  });

  it('PUTs globally without a guild', async () => {
    const result = await registerDiscordCommands({ token: 'fake-bot-token', applicationId: IDS.app, apiUrl: fake.rest.api });
    expect(result.scope).toBe('global');
    const [put] = fake.rest.find('PUT', new RegExp(`^/applications/${IDS.app}/commands$`));
    expect(put!.body.map((c: { name: string }) => c.name)).toEqual(['papers', 'papers-admin']);
  });

  it('rejects with the API error on a bad token', async () => {
    fake.rest.intercept('PUT', /commands$/, () => ({ status: 401, body: { code: 0, message: '401: Unauthorized' } }), 1);
    await expect(
      registerDiscordCommands({ token: 'bad', applicationId: IDS.app, apiUrl: fake.rest.api, restOptions: { retries: 0 } }),
    ).rejects.toThrow(/Unauthorized/);
  });
});
