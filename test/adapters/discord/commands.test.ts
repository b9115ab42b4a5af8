// The `/papers` command definition and its registration (PUT to the fake REST).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LIST } from '../../../src/commands/registry.js';
import type { CommandInfo } from '../../../src/commands/command.js';
import { buildPapersCommand, registerDiscordCommands } from '../../../adapters/discord/index.js';
import { IDS, startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';

type SubOption = { type: number; name: string; description: string; options: Array<{ type: number; name: string; description: string; required: boolean; autocomplete?: boolean }> };

describe('buildPapersCommand', () => {
  const cmd = buildPapersCommand();
  const subs = cmd.options as unknown as SubOption[];

  it('is one guild-only chat command with a sub-command per registry entry', () => {
    expect(cmd).toMatchObject({ name: 'papers', type: 1, contexts: [0] });
    expect(subs.map((s) => s.name)).toEqual(COMMAND_LIST.map((c) => c.name));
    expect(subs.every((s) => s.type === 1)).toBe(true);
    expect(subs.length).toBeLessThanOrEqual(25);
  });

  it('stays within Discord’s limits for names and descriptions', () => {
    expect(cmd.description.length).toBeLessThanOrEqual(100);
    for (const s of subs) {
      expect(s.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(s.description.length).toBeGreaterThan(0);
      expect(s.description.length).toBeLessThanOrEqual(100);
      for (const o of s.options) expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('gives sub-commands that take text one string option "text", required where the command needs it', () => {
    const byName = new Map(subs.map((s) => [s.name, s]));
    for (const c of COMMAND_LIST) {
      const opts = byName.get(c.name)!.options;
      if (!c.takesText) {
        expect(opts).toEqual([]);
        continue;
      }
      expect(opts).toHaveLength(1);
      expect(opts[0]).toMatchObject({ type: 3, name: 'text' });
    }
    expect(byName.get('paper')!.options[0]).toMatchObject({ required: true, autocomplete: true });
    expect(byName.get('search')!.options[0]!.required).toBe(true);
    expect(byName.get('ask')!.options[0]!.required).toBe(true);
    // These show the current value (or a default) when the text is empty.
    expect(byName.get('subscribe')!.options[0]!.required).toBe(false);
    expect(byName.get('schedule')!.options[0]!.required).toBe(false);
    expect(byName.get('search')!.options[0]!.autocomplete).toBeUndefined();
  });

  it('truncates long descriptions and rejects what Discord cannot register', () => {
    const base: CommandInfo = { name: 'x', description: 'd'.repeat(300), usage: 'x <y>', example: 'x y', adminOnly: false, takesText: true };
    const one = buildPapersCommand([base]).options as unknown as SubOption[];
    expect(one[0]!.description).toHaveLength(100);
    expect(one[0]!.description.endsWith('…')).toBe(true);
    expect(() => buildPapersCommand([{ ...base, name: 'Bad Name' }])).toThrow(/sub-command name/);
    expect(() => buildPapersCommand(Array.from({ length: 26 }, (_, i) => ({ ...base, name: `c${i}` })))).toThrow(/25/);
  });
});

describe('registerDiscordCommands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(() => fake.close());

  it('PUTs the command to one guild (instant) with the bot token', async () => {
    const result = await registerDiscordCommands({ token: 'fake-bot-token', applicationId: IDS.app, apiUrl: fake.rest.api, guildId: IDS.guild });
    expect(result).toEqual({ scope: 'guild', names: ['papers'], subcommands: COMMAND_LIST.length });
    const [put] = fake.rest.find('PUT', new RegExp(`^/applications/${IDS.app}/guilds/${IDS.guild}/commands$`));
    expect(put!.headers.authorization).toBe('Bot fake-bot-token');
    expect(put!.body).toEqual([buildPapersCommand()]);
  });

  it('PUTs globally without a guild', async () => {
    const result = await registerDiscordCommands({ token: 'fake-bot-token', applicationId: IDS.app, apiUrl: fake.rest.api });
    expect(result.scope).toBe('global');
    const [put] = fake.rest.find('PUT', new RegExp(`^/applications/${IDS.app}/commands$`));
    expect(put!.body[0].name).toBe('papers');
  });

  it('rejects with the API error on a bad token', async () => {
    fake.rest.intercept('PUT', /commands$/, () => ({ status: 401, body: { code: 0, message: '401: Unauthorized' } }), 1);
    await expect(
      registerDiscordCommands({ token: 'bad', applicationId: IDS.app, apiUrl: fake.rest.api, restOptions: { retries: 0 } }),
    ).rejects.toThrow(/Unauthorized/);
  });
});
