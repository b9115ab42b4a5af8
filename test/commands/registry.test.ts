import { describe, expect, it } from 'vitest';
import { COMMANDS, COMMAND_LIST, findCommand, splitInvocation } from '../../src/commands/registry.js';
import { closestName } from '../../src/commands/closest.js';
import { MEMBER, makeBot, textOf } from '../bot/harness.js';

const SPEC = ['help', 'today', 'paper', 'search', 'ask', 'subscribe', 'unsubscribe', 'pause', 'resume', 'settings', 'interests', 'schedule', 'sources', 'size', 'threshold', 'exclude', 'follow', 'like', 'unlike', 'likes', 'quiet'];

describe('command registry', () => {
  it('has exactly the sub-commands of the spec, as plain data for adapters', () => {
    expect(COMMAND_LIST.map((c) => c.name)).toEqual(SPEC);
    for (const c of COMMAND_LIST) {
      expect(Object.keys(c).sort()).toEqual(['adminOnly', 'description', 'example', 'name', 'takesText', 'usage']);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.example.split(' ')[0]).toBe(c.name);
      expect(c.usage.split(' ')[0]).toBe(c.name);
      expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    }
    const admin = COMMAND_LIST.filter((c) => c.adminOnly).map((c) => c.name);
    expect(admin).toEqual(['subscribe', 'unsubscribe', 'pause', 'resume', 'interests', 'schedule', 'sources', 'size', 'threshold', 'exclude', 'follow', 'like', 'unlike', 'quiet']);
    expect(COMMANDS.every((c) => typeof c.run === 'function')).toBe(true);
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

  it('answers an unknown command with a suggestion and the help', async () => {
    const h = await makeBot();
    const text = textOf(await h.chat.command(h.channel, 'serch', 'lora'));
    expect(text).toMatch(/don't know the command "serch"/);
    expect(text).toContain('Did you mean `/papers search`?');
    expect(text).toContain('/papers help');
    const far = textOf(await h.chat.command(h.channel, 'frobnicate'));
    expect(far).not.toContain('Did you mean');
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
