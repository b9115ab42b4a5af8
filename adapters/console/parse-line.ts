// What one line typed into the console chat means.

/** A parsed console line. */
export type ConsoleAction =
  | { type: 'empty' }
  | { type: 'quit' }
  /** `digest`: post today's digest here now; `digest again` posts a day already posted once more. */
  | { type: 'digest'; again: boolean }
  /** `/papers <name> <text>` or `<name> <text>`. */
  | { type: 'command'; name: string; text: string }
  /** `#<n> <question>`: a message in the thread of post #n of the last posted digest (#0: its header). */
  | { type: 'thread'; target: number; text: string }
  /** `#<n> +1`, `#<n> -1`: a 👍/👎 on post #n; `#<n> undo +1` removes it. */
  | { type: 'vote'; target: number; value: 1 | -1; removed: boolean };

/**
 * Parses one console line:
 * - `quit`, `exit` or `.exit` ends the chat;
 * - `#2 what dataset do they use?` asks in the thread of paper 2 of the last posted digest
 *   (`#0 …` asks about the whole digest);
 * - `#2 +1` / `#2 -1` votes on paper 2, `#2 undo +1` takes the vote back;
 * - `digest` posts today's digest into the console (numbered, so `#n` works on it), `digest again`
 *   posts it once more;
 * - anything else is a command: `/papers search lora`, `search lora`, `/search lora`.
 */
export function parseConsoleLine(line: string): ConsoleAction {
  const text = line.trim();
  if (!text) return { type: 'empty' };
  if (/^(quit|exit|\.exit|\.quit)$/i.test(text)) return { type: 'quit' };
  const thread = /^#(\d{1,3})\s*([\s\S]*)$/.exec(text);
  if (thread) {
    const target = Number(thread[1]);
    const rest = thread[2]!.trim();
    const vote = /^(undo\s+)?([+-]1|👍|👎)$/i.exec(rest);
    if (vote) {
      const value = vote[2] === '+1' || vote[2] === '👍' ? 1 : -1;
      return { type: 'vote', target, value, removed: Boolean(vote[1]) };
    }
    return { type: 'thread', target, text: rest };
  }
  const body = text.replace(/^\/papers(?=\s|$)/i, '').trim().replace(/^\//, '');
  const m = /^(\S*)\s*([\s\S]*)$/.exec(body);
  if (m?.[1]?.toLowerCase() === 'digest' && /^(again)?$/i.test(m[2]!.trim())) return { type: 'digest', again: m[2]!.trim() !== '' };
  return { type: 'command', name: m?.[1] ?? '', text: m?.[2]?.trim() ?? '' };
}
