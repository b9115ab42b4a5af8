// A fake model that answers paperbot's prompts plausibly, for tests and the token benchmark.
import type { FakeChatHandler, FakeChatReply, FakeChatRequest } from '../../fakes/fake-openai-server.js';

/** A paper block as the model sees it in a user message. */
export interface SeenPaper {
  n?: number;
  id: string;
  text: string;
}

/** The prompt's user message: the first one (a repair request adds a later one). */
export function promptUser(req: FakeChatRequest): string {
  return req.messages.find((m) => m.role === 'user')?.content ?? '';
}

/** The paper blocks of a request's (first) user message, in order. */
export function papersIn(req: FakeChatRequest): SeenPaper[] {
  return [...promptUser(req).matchAll(/<paper (?:n="(\d+)" )?id="([^"]+)">\n([\s\S]*?)\n<\/paper>/g)].map((m) => ({
    n: m[1] ? Number(m[1]) : undefined,
    id: m[2]!,
    text: m[3]!,
  }));
}

/** A passage as the model sees it in an answer or ask prompt. */
export interface SeenEvidence {
  n: number;
  id: string;
  section: string;
  text: string;
}

/** The evidence blocks of a request's user message, in order. */
export function evidenceIn(req: FakeChatRequest): SeenEvidence[] {
  return [...promptUser(req).matchAll(/<evidence n="(\d+)" id="([^"]+)" section="([^"]*)">\n([\s\S]*?)\n<\/evidence>/g)].map((m) => ({
    n: Number(m[1]),
    id: m[2]!,
    section: m[3]!,
    text: m[4]!,
  }));
}

/** The first `words` words of a passage: a quote that is in it verbatim. */
export function quoteFrom(evidence: SeenEvidence, words = 8): string {
  return evidence.text.split(/\s+/).slice(0, words).join(' ');
}

/** Which paperbot prompt a request renders (json_schema name, else the system text). */
export function promptOf(req: FakeChatRequest): string {
  if (req.schemaName) return req.schemaName;
  const s = req.system;
  if (/judge how relevant/.test(s)) return 'judge';
  if (/write TL;DRs/.test(s)) return 'summarize';
  if (/themes of the day/.test(s)) return 'themes';
  if (/retrieved papers/.test(s)) return 'ask';
  if (/answer questions about research papers/.test(s)) return 'answer';
  return 'unknown';
}

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);

/** Judge score 0–10 from word overlap between the interests block and the paper. */
export function overlapScore(req: FakeChatRequest, paper: SeenPaper): number {
  const interests = words(/<interests>\n([\s\S]*?)\n<\/interests>/.exec(promptUser(req))?.[1] ?? '');
  const paperWords = words(paper.text);
  let hits = 0;
  for (const w of interests) if (paperWords.has(w)) hits++;
  return Math.min(10, hits * 2);
}

/** Options to bend the fake model's behaviour. */
export interface ResponderOptions {
  /** Judge score per paper (default: word overlap). */
  judgeScore?: (paper: SeenPaper, req: FakeChatRequest) => number;
}

/** Answers judge/summarize/themes/answer/ask prompts with valid JSON built from the request. */
export function paperbotResponder(options: ResponderOptions = {}): FakeChatHandler {
  return (req): FakeChatReply => {
    const papers = papersIn(req);
    switch (promptOf(req)) {
      case 'judge':
        return {
          json: {
            judgements: papers.map((p) => {
              const score = options.judgeScore ? options.judgeScore(p, req) : overlapScore(req, p);
              return { id: p.id, score, reason: score >= 5 ? `On topic for ${p.id}` : `Off topic for ${p.id}` };
            }),
          },
        };
      case 'summarize':
        return {
          json: {
            summaries: papers.map((p) => ({
              id: p.id,
              tldr: `New method in ${p.id}; shown on benchmarks.`,
            })),
          },
        };
      case 'themes':
        return { json: { themes: `Themes across ${papers.length} papers` } };
      case 'answer':
      case 'ask': {
        const first = evidenceIn(req)[0];
        if (!first) return { json: { answered: false, claims: [] } };
        return { json: { answered: true, claims: [{ text: 'It uses method X.', paper: first.n, quote: quoteFrom(first) }] } };
      }
      default:
        return { status: 400, error: { message: 'unknown prompt' } };
    }
  };
}
