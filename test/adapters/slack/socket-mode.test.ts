// The Slack adapter in Socket Mode: apps.connections.open on the fake Web API, then a `ws`
// WebSocket server that says hello, sends envelopes and receives acks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import { silentLogger } from '../../../src/logger.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/fake-slack-api.js';
import { eventEnvelope, slashCommandFields } from '../../fakes/slack-signed-request.js';
import { EVIL_TITLE, ScriptedCore } from './helpers.js';
import { COMMAND_LIST } from '../../../src/commands/registry.js';

let fake: FakeSlackApi;
let adapter: SlackAdapter;
let core: ScriptedCore;

beforeEach(async () => {
  fake = await startFakeSlackApi();
  core = new ScriptedCore();
  adapter = createSlackAdapter({
    botToken: 'xoxb-test',
    appToken: 'xapp-test',
    apiUrl: fake.apiUrl,
    logger: silentLogger,
    clientOptions: { retryConfig: { retries: 0 } },
    paceMs: 20,
  });
  await adapter.start(core);
});

afterEach(async () => {
  await adapter.stop();
  await fake.close();
});

describe('Slack adapter, Socket Mode', () => {
  it('connects through apps.connections.open with the app token', async () => {
    expect(adapter.mode).toBe('socket');
    expect(adapter.port).toBeUndefined();
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.headers.authorization).toBe('Bearer xapp-test');
    await fake.socketConnected();
  });

  it('acks a slash command envelope, then responds through response_url', async () => {
    core.onCommand = async (cmd) => ({ kind: 'text', text: `You searched for ${cmd.text}`, ephemeral: true });
    const ack = await fake.sendEnvelope('slash_commands', slashCommandFields('search &lt;!channel&gt; lora', fake.responseUrl('s1')));
    expect(ack.envelope_id).toBeTruthy();
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral', text: 'Working on it…' });

    const response = await fake.waitForResponse('s1');
    expect(core.commands[0]).toMatchObject({ name: 'search', text: '<!channel> lora', channel: { key: 'slack:C1' } });
    expect(response.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(response.body)).toContain('You searched for &lt;!channel&gt; lora');
    expect(JSON.stringify(response.body)).not.toContain('<!channel>');
  });

  it('acks each sub-command as the command table says: slow ones with "Working on it…", the rest silently', async () => {
    core.onCommand = async (cmd) => ({ kind: 'text', text: `ran ${cmd.name}`, ephemeral: true });
    for (const c of [...COMMAND_LIST, { name: 'frobnicate', slow: false }]) {
      const id = `ack-${c.name}`;
      const ack = await fake.sendEnvelope('slash_commands', slashCommandFields(c.name, fake.responseUrl(id)));
      if (c.slow) expect(ack.payload, c.name).toMatchObject({ response_type: 'ephemeral', text: 'Working on it…' });
      else expect(ack.payload?.text, c.name).toBeUndefined();
      await fake.waitForResponse(id);
    }
    expect(core.commands.map((x) => x.name)).toEqual([...COMMAND_LIST.map((c) => c.name), 'frobnicate']);
    // Slack names no channel admins: the core keeps its first-subscriber rule there.
    expect(core.commands.every((x) => x.platformNamesAdmins === undefined)).toBe(true);
  });

  it('acks a thread message envelope and answers in the thread', async () => {
    core.onThread = async () => ({ kind: 'text', text: `About ${EVIL_TITLE}` });
    const event = {
      type: 'message',
      channel: 'C1',
      user: 'U1',
      text: 'what is new here?',
      ts: '1700000000.000900',
      thread_ts: '1700000000.000100',
      parent_user_id: 'UBOT',
      channel_type: 'channel',
    };
    const ack = await fake.sendEnvelope('events_api', eventEnvelope(event));
    expect(ack.envelope_id).toBeTruthy();

    const post = await fake.waitForCall('chat.postMessage');
    expect(post.params).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100' });
    expect(String(post.params.text)).toContain('About Attention &lt;!channel&gt;');
    expect(core.threadMessages[0]).toMatchObject({ thread: { key: 'slack:C1:1700000000.000100' }, text: 'what is new here?', mentionsBot: false });
  });
});
