// chat.postMessage allows about one message per second per channel. Posts to one channel go
// through one queue (Bottleneck group, one job at a time) and each starts at least `paceMs`
// after the previous one *finished*, so Slack sees them spaced even with network jitter.
import Bottleneck from 'bottleneck';
import { setTimeout as sleep } from 'node:timers/promises';

/** Priorities: thread replies (people waiting) go ahead of queued digest posts. */
export const PRIORITY = { reply: 3, post: 5 } as const;

/** Runs jobs one at a time per channel, spaced by `paceMs`. */
export class ChannelPacer {
  private readonly group: Bottleneck.Group;
  private readonly lastDone = new Map<string, number>();

  constructor(private readonly paceMs: number) {
    this.group = new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
  }

  /** Runs `job` in `channelId`'s queue; resolves or rejects with the job's own result. */
  run<T>(channelId: string, job: () => Promise<T>, priority: number = PRIORITY.post): Promise<T> {
    return this.group.key(channelId).schedule({ priority }, async () => {
      const wait = (this.lastDone.get(channelId) ?? 0) + this.paceMs - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await job();
      } finally {
        this.lastDone.set(channelId, Date.now());
        this.forgetOld();
      }
    });
  }

  private forgetOld(): void {
    if (this.lastDone.size < 1000) return;
    const cutoff = Date.now() - this.paceMs;
    for (const [k, t] of this.lastDone) if (t < cutoff) this.lastDone.delete(k);
  }
}
