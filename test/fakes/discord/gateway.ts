// A fake Discord gateway (ws on 127.0.0.1): HELLO on connect, HEARTBEAT_ACK for every heartbeat,
// IDENTIFY → READY + one GUILD_CREATE per guild, then whatever events a test dispatches.
// No compression (zlib-sync is not installed, so discord.js does not ask for it).
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import {
  GatewayDispatchEvents,
  GatewayOpcodes,
  type GatewayIdentifyData,
  type GatewaySendPayload,
} from 'discord-api-types/v10';
import type { FakeDiscordState } from './state.js';
import { guildCreatePayload, readyPayload } from './payloads.js';

/** The fake gateway. Call `start()` before use and `close()` after. */
export class FakeDiscordGateway {
  /** Every IDENTIFY payload received (intents, token, compression). */
  readonly identifies: GatewayIdentifyData[] = [];
  /** Opcodes received, in order (1 = heartbeat, 2 = identify, …). */
  readonly received: number[] = [];
  /**
   * When set, IDENTIFY is answered by closing with this code instead of READY when `closeWhen`
   * (default: always) holds — e.g. 4014 for a privileged intent that is not enabled.
   */
  closeOnIdentify: { code: number; when?: (identify: GatewayIdentifyData) => boolean } | undefined;
  private wss: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;
  private port = 0;

  constructor(private readonly state: FakeDiscordState) {}

  /** The ws:// URL GET /gateway/bot hands out. */
  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss!.once('listening', () => resolve()));
    this.port = (this.wss.address() as AddressInfo).port;
    this.wss.on('connection', (ws) => this.onConnection(ws));
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }

  /** Open sessions (identified shards). */
  get connections(): number {
    return this.sockets.size;
  }

  /** Sends a dispatch event to every identified session, with an increasing sequence number. */
  dispatch(t: GatewayDispatchEvents | `${GatewayDispatchEvents}`, d: unknown): void {
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: ++this.seq, d });
    for (const ws of this.sockets) ws.send(frame);
  }

  private onConnection(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 45_000 } }));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as GatewaySendPayload;
      this.received.push(msg.op);
      if (msg.op === GatewayOpcodes.Heartbeat) {
        ws.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
      } else if (msg.op === GatewayOpcodes.Identify) {
        this.identifies.push(msg.d);
        const close = this.closeOnIdentify;
        if (close && (close.when?.(msg.d) ?? true)) {
          ws.close(close.code, 'closed by the fake gateway');
          return;
        }
        this.sockets.add(ws);
        this.sendTo(ws, GatewayDispatchEvents.Ready, readyPayload(this.state, this.url));
        for (const guild of this.state.guilds.values()) this.sendTo(ws, GatewayDispatchEvents.GuildCreate, guildCreatePayload(guild));
      }
    });
    ws.on('close', () => this.sockets.delete(ws));
  }

  private sendTo(ws: WebSocket, t: GatewayDispatchEvents, d: unknown): void {
    ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: ++this.seq, d }));
  }
}
