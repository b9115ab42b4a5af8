import { describe, expect, it } from 'vitest';
import { COMMANDS, COMMAND_LIST, findCommand, splitInvocation } from '../../src/commands/registry.js';
import { closestName } from '../../src/commands/closest.js';
import { ADMIN, MEMBER, makeBot, textOf } from '../bot/harness.js';

const SPEC = ['help', 'today', 'weekly', 'paper', 'search', 'ask', 'subscribe', 'unsubscribe', 'pause', 'resume', 'settings', 'next', 'interests', 'schedule', 'sources', 'size', 'threshold', 'exclude', 'follow', 'like', 'unlike', 'likes', 'quiet'];

describe('command registry', () => {
  it('has exactly the sub-commands of the spec, as plain data for adapters', () => {
    expect(COMMAND_LIST.map((c) => c.name)).toEqual(SPEC);
    for (const c of COMMAND_LIST) {
      for (const key of ['adminOnly', 'description', 'example', 'name', 'private', 'slow', 'usage']) expect(c, `${c.name}.${key}`).toHaveProperty(key);
      expect(typeof c.private).toBe('boolean');
      expect(typeof c.slow).toBe('boolean');
      if (c.arg) {
        expect(c.arg.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(c.arg.description.length).toBeLessThanOrEqual(100);
      }
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.example.split(' ')[0]).toBe(c.name);
      expect(c.usage.split(' ')[0]).toBe(c.name);
      expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    }
    const admin = COMMAND_LIST.filter((c) => c.adminOnly).map((c) => c.name);
    expect(admin).toEqual(['subscribe', 'unsubscribe', 'pause', 'resume', 'interests', 'schedule', 'sources', 'size', 'threshold', 'exclude', 'follow', 'like', 'unlike', 'quiet']);
    expect(COMMANDS.every((c) => typeof c.run === 'function')).toBe(true);
    expect(COMMAND_LIST.filter((c) => c.slow).map((c) => c.name)).toEqual(['today', 'weekly', 'paper', 'search', 'ask']);
    expect(COMMAND_LIST.filter((c) => c.startsDigests).map((c) => c.name)).toEqual(['subscribe']);
    const arg = (name: string) => findCommand(name)!.arg;
    expect(arg('size')).toMatchObject({ type: 'integer', min: 1, max: 20, required: true });
    expect(arg('threshold')).toMatchObject({ type: 'number', min: 0, max: 1, required: true });
    expect(arg('quiet')).toMatchObject({ type: 'boolean', required: true });
    expect(arg('paper')).toMatchObject({ type: 'paper-id', name: 'id', required: true });
  });

  it('finds commands case-insensitively and splits raw invocations', () => {
    expect(findCommand('SEARCH')?.name).toBe('search');
    expect(findCommand('nope')).toBeUndefined();
    expect(splitInvocation({ name: 'search', text: '  lora merging ' })).toEqual({ name: 'search', args: 'lora merging' });
    expect(splitInvocation({ name: '', text: 'paper 2406.01234' })).toEqual({ name: 'paper', args: '2406.01234' });
    expect(splitInvocation({ name: 'papers', text: '/ask why?' })).toEqual({ name: 'ask', args: 'why?' });
  });

  it('suggests the closest command name', () => {
    const names = COMMAND_LIST.map((c) => c.name);
    expect(closestName('serch', names)).toBe('search');
    expect(closestName('subscrbe', names)).toBe('subscribe');
    expect(closestName('sched', names)).toBe('schedule');
    expect(closestName('xyzzy', names)).toBeUndefined();
  });
});

describe('help and unknown commands', () => {
  it('answers an empty command and `help` with every command and an example, ephemerally', async () => {
    const h = await makeBot();
    for (const out of [await h.chat.command(h.channel, '', ''), await h.chat.command(h.channel, 'help')]) {
      expect(out).toMatchObject({ kind: 'text', ephemeral: true });
      const text = textOf(out);
      for (const c of COMMAND_LIST) expect(text).toContain(`/papers ${c.example}`);
      expect(text).toMatch(/No language model is configured/);
    }
  });

  it('answers an unknown command with the closest name and one line pointing to help, not the whole help', async () => {
    const h = await makeBot();
    const out = await h.chat.command(h.channel, 'serch', 'lora');
    expect(out).toMatchObject({ kind: 'text', ephemeral: true });
    expect(textOf(out)).toBe('I don\'t know the command "serch". Did you mean `/papers search`?\n`/papers help` lists every command.');
    const far = textOf(await h.chat.command(h.channel, 'frobnicate'));
    expect(far).toBe('I don\'t know the command "frobnicate".\n`/papers help` lists every command.');
  });

  it('never throws: an unexpected failure becomes a short message logged with the channel key', async () => {
    const h = await makeBot();
    h.store.getSubscription = async () => {
      throw new Error('ECONNRESET redis://secret-host:6379');
    };
    const out = await h.chat.command(h.channel, 'settings', '', MEMBER);
    expect(out).toMatchObject({ kind: 'text', ephemeral: true });
    expect(textOf(out)).toMatch(/something went wrong/);
    expect(textOf(out)).not.toContain('secret-host');
    const line = h.logger.lines.find((l) => l.level === 'error');
    expect(line).toMatchObject({ msg: 'command failed', fields: { channel: h.channel.key, command: 'settings' } });
  });
});

describe('arguments validated once in the core, from the table', () => {
  async function subscribed() {
    const h = await makeBot();
    await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER);
    return (name: string, text = '') => h.chat.command(h.channel, name, text, MEMBER).then(textOf);
  }

  it('says what was wrong and what is allowed, then the usage', async () => {
    const run = await subscribed();
    expect(await run('size', 'five')).toBe('"five" is not a whole number from 1 to 20.\nUsage: `/papers size <1-20>`\nExample: `/papers size 7`');
    expect(await run('size', '21')).toMatch(/^"21" is not a whole number from 1 to 20\./);
    expect(await run('size')).toMatch(/^Give a whole number from 1 to 20\./);
    expect(await run('threshold', '1.5')).toMatch(/^"1.5" is not a number from 0 to 1\./);
    expect(await run('threshold')).toMatch(/^Give a number from 0 to 1\./);
    expect(await run('quiet', 'maybe')).toMatch(/^"maybe" is neither on nor off\./);
    expect(await run('quiet', 'YES')).toMatch(/^Quiet on: days with nothing new will post nothing/);
    expect(await run('threshold', '.25')).toMatch(/at least 0.25/);
    expect(await run('size', '+3')).toMatch(/up to 3 papers/);
  });

  it('asks for a required text argument by what it is', async () => {
    const h = await makeBot();
    expect(textOf(await h.chat.command(h.channel, 'search', '  '))).toMatch(/^Give words to look for in stored papers\./);
    expect(textOf(await h.chat.command(h.channel, 'paper', ''))).toMatch(/^Give an arXiv id or link, e\.g\. 2406\.01234\./);
  });
});

describe('who may subscribe', () => {
  it('on a platform without channel admins (Slack) the first subscriber becomes the admin', async () => {
    const h = await makeBot();
    expect(textOf(await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER))).toMatch(/^Subscribed/);
    expect(textOf(await h.chat.command(h.channel, 'size', '3', MEMBER))).toMatch(/up to 3 papers/);
  });

  it('where the platform names admins (Discord: Manage Server) a member cannot subscribe, nor gains rights by it', async () => {
    const h = await makeBot();
    const discord = { platformNamesAdmins: true };
    const refused = await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER, discord);
    expect(refused).toMatchObject({ kind: 'text', ephemeral: true });
    expect(textOf(refused)).toMatch(/^Sorry, only a channel admin can use `\/papers subscribe`: a server admin \(Manage Server\)\./);
    expect(textOf(refused)).not.toContain('subscribed this channel');
    expect(await h.store.getSubscription(h.channel.key)).toBeUndefined();
    expect(textOf(await h.chat.command(h.channel, 'subscribe', 'robots', ADMIN, discord))).toMatch(/^Subscribed/);
    // An admin who later loses Manage Server is no admin any more, although they subscribed.
    const demoted = { ...ADMIN, isAdmin: false };
    expect(textOf(await h.chat.command(h.channel, 'size', '3', demoted, discord))).toMatch(/only a channel admin/);
  });
});
