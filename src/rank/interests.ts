// Turns a channel's interest text into concepts the ranker can match: split into phrases,
// recognize research vocabulary (src/rank/expansions.ts) and expand it, pick the sense of
// ambiguous acronyms from the rest of the text, and weigh generic words down.
import { foldText, termOf, termSequence } from '../search/text.js';
import { TOPIC_GROUPS, type TopicGroup } from './expansions.js';

/** One way a facet can appear in a paper: a term sequence, how much it counts, what to show. */
export interface Alternative {
  terms: string[];
  /** The compound written as one word ("fine tuning" → "finetun"), when it differs. */
  joined?: string;
  weight: number;
  label: string;
}

/** A unit of an interest ("RL", "video generation", "people") and the forms it may take. */
export interface Facet {
  label: string;
  alternatives: Alternative[];
  /** A generic word ("model", "method"): counts little and never matches on its own. */
  generic: boolean;
  /**
   * For an ambiguous acronym: terms that show a paper uses the chosen sense. The literal acronym
   * counts fully only in papers that contain one of them.
   */
  senseTerms?: Set<string>;
}

/** One interest phrase ("RL for LLM reasoning") as facets, plus its own term sequence. */
export interface Concept {
  label: string;
  facets: Facet[];
  phrase: string[];
}

/** Weights of the typed form, other names of the same topic, and related vocabulary. */
const WEIGHT = { typed: 1, name: 0.9, related: 0.65, broader: 0.65, generic: 0.35 } as const;

/** Words that say nothing about the topic of a paper ("papers about", "I'm interested in"). */
const FILLER = new Set(
  `interest interested interesting paper papers research work works anything something stuff thing things
  topic topics related especially mostly mainly particularly like latest recent cool want see show looking
  kind sort area areas field fields etc really lot lots please new`
    .split(/\s+/)
    .map((w) => termOf(w))
    .filter((t): t is string => t !== null),
);

/** Words too common in papers to identify a topic on their own. */
const GENERIC = new Set(
  `model models method methods approach approaches system systems framework frameworks technique techniques
  data task tasks problem problems learn learning use using run running make making improve improving better
  good novel based study studies analysis application applications network networks algorithm algorithms
  performance result results efficient effective way ways thing tool tools big large small fast faster
  ai ml machine deep neural artificial intelligence`
    .split(/\s+/)
    .map((w) => termOf(w))
    .filter((t): t is string => t !== null),
);

/** Interest phrases are split at these separators. */
const SEPARATORS = /[,;\n|•·]+|\.(?:\s+|$)|\s+(?:and|or|&|plus|as well as|\+)\s+/i;

interface CompiledGroup {
  group: TopicGroup;
  index: number;
  alternatives: Alternative[];
  cueTerms: Set<string>;
  senseTerms: Set<string>;
}

interface CompiledTable {
  groups: CompiledGroup[];
  /** Name term sequences by their first term, longest first. */
  keys: Map<string, Array<{ terms: string[]; groups: number[] }>>;
  /** Table names that contain " and ", protected from splitting. */
  andNames: string[];
}

function alternativeOf(text: string, weight: number): Alternative | undefined {
  const { sequence } = termSequence(text);
  const words = foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const joined = words.length > 1 && words.length <= 3 ? termOf(words.join('')) : null;
  // "on-policy" or "q-learning" minus their stop word or lone letter would be "policy" or
  // "learning": such compounds match only as written, joined ("onpolicy", "qlearn"). Phrases
  // with spaces ("chain of thought") just skip their stop words.
  const lossy = foldText(text)
    .split(/\s+/)
    .some((token) => token.includes('-') && token.split('-').some((part) => part && termOf(part) === null));
  if (lossy && sequence.length < 2) return joined ? { terms: [joined], weight, label: text } : undefined;
  if (sequence.length === 0) return undefined;
  const alt: Alternative = { terms: sequence, weight, label: text };
  if (joined && !(sequence.length === 1 && sequence[0] === joined)) alt.joined = joined;
  return alt;
}

let table: CompiledTable | undefined;

function compile(): CompiledTable {
  const keys = new Map<string, Array<{ terms: string[]; groups: number[] }>>();
  const groups = TOPIC_GROUPS.map((group, index): CompiledGroup => {
    const alternatives: Alternative[] = [];
    for (const n of group.names) {
      const a = alternativeOf(n, WEIGHT.name);
      if (a) alternatives.push(a);
    }
    for (const r of group.related ?? []) {
      const a = alternativeOf(r, WEIGHT.related);
      // "efficient" or "large" alone say little about a topic.
      if (a && a.terms.length === 1 && GENERIC.has(a.terms[0]!)) a.weight = WEIGHT.generic;
      if (a) alternatives.push(a);
    }
    const cueTerms = new Set((group.cues ?? []).flatMap((c) => termSequence(c).sequence));
    const senseTerms = new Set(alternatives.flatMap((a) => (a.terms.length > 1 || a.terms[0]!.length > 4 ? a.terms : [])));
    for (const c of cueTerms) senseTerms.add(c);
    return { group, index, alternatives, cueTerms, senseTerms };
  });
  groups.forEach((g) => {
    for (const n of g.group.names) {
      const terms = termSequence(n).sequence;
      if (terms.length === 0) continue;
      const list = keys.get(terms[0]!) ?? [];
      const same = list.find((k) => k.terms.join(' ') === terms.join(' '));
      if (same) {
        if (!same.groups.includes(g.index)) same.groups.push(g.index);
      } else list.push({ terms, groups: [g.index] });
      keys.set(terms[0]!, list);
    }
  });
  for (const list of keys.values()) list.sort((a, b) => b.terms.length - a.terms.length);
  const andNames = TOPIC_GROUPS.flatMap((g) => g.names.filter((n) => n.includes(' and ')));
  return { groups, keys, andNames };
}

function compiled(): CompiledTable {
  return (table ??= compile());
}

/** Picks the sense of an ambiguous name: the group whose cues the interest text mentions most. */
function pickSense(candidates: number[], context: Set<string>, exclude: string[]): CompiledGroup {
  const { groups } = compiled();
  let best = groups[candidates[0]!]!;
  let bestScore = -1;
  for (const i of candidates) {
    const g = groups[i]!;
    let score = 0;
    for (const c of g.cueTerms) if (context.has(c) && !exclude.includes(c)) score++;
    if (score > bestScore) {
      best = g;
      bestScore = score;
    }
  }
  return best;
}

/** A word as typed plus the terms it analyzes into. */
interface Word {
  raw: string;
  terms: string[];
}

function wordsOf(chunk: string): Word[] {
  return (chunk.match(/[\p{L}\p{N}]+(?:[-'’.\/][\p{L}\p{N}]+)*/gu) ?? []).map((raw) => ({
    raw,
    terms: termSequence(raw).sequence,
  }));
}

function facetFromGroup(label: string, typed: string[], groupIds: number[], context: Set<string>): Facet {
  const g = groupIds.length > 1 ? pickSense(groupIds, context, typed) : compiled().groups[groupIds[0]!]!;
  const alternatives: Alternative[] = [{ terms: typed, weight: WEIGHT.typed, label }];
  const typedKey = typed.join(' ');
  for (const a of g.alternatives) {
    if (a.terms.join(' ') === typedKey) continue;
    // A name that drops a specific part of what was typed ("memory" for "agent memory", but
    // not "diffusion" for "diffusion models") is broader: the channel asked for the narrower topic.
    const broader =
      a.terms.every((t) => typed.includes(t)) && typed.some((t) => !GENERIC.has(t) && !a.terms.includes(t));
    alternatives.push(broader ? { ...a, weight: Math.min(a.weight, WEIGHT.broader) } : a);
  }
  const facet: Facet = { label, alternatives, generic: false };
  if (groupIds.length > 1) facet.senseTerms = g.senseTerms;
  return facet;
}

/** Splits interest text into phrases, keeping table names such as "pick and place" whole. */
function splitPhrases(text: string): string[] {
  let t = ` ${text} `;
  for (const n of compiled().andNames) {
    const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    t = t.replace(new RegExp(`(?<=\\s)${escaped}(?=\\s)`, 'gi'), (m) => m.replace(/ and /i, ' \u0000 '));
  }
  return t
    .split(SEPARATORS)
    .map((p) => p.replaceAll('\u0000', 'and').trim())
    .filter(Boolean);
}

/**
 * Parses free-text interests into concepts. "diffusion models, video generation" gives two
 * concepts; "RL for LLM reasoning" gives one with facets RL, LLM and reasoning, each expanded
 * ("reinforcement learning", "large language model", …). Ambiguous acronyms take the sense the
 * rest of the text (and `contextText`, e.g. include words) points to.
 */
export function parseInterests(text: string, contextText = ''): Concept[] {
  const phrases = splitPhrases(text);
  const context = new Set([...termSequence(text).sequence, ...termSequence(contextText).sequence]);
  const { keys } = compiled();
  const concepts: Concept[] = [];
  for (const phrase of phrases) {
    const words = wordsOf(phrase);
    // Flatten to terms, remembering which word each term came from (for labels).
    const terms: string[] = [];
    const wordOf: number[] = [];
    words.forEach((w, wi) => {
      for (const t of w.terms) {
        terms.push(t);
        wordOf.push(wi);
      }
    });
    const facets: Facet[] = [];
    const phraseTerms: string[] = [];
    for (let i = 0; i < terms.length; ) {
      const key = (keys.get(terms[i]!) ?? []).find((k) => k.terms.every((t, j) => terms[i + j] === t));
      if (key) {
        const n = key.terms.length;
        const label = words
          .slice(wordOf[i]!, wordOf[i + n - 1]! + 1)
          .map((w) => w.raw)
          .join(' ');
        facets.push(facetFromGroup(label, key.terms, key.groups, context));
        phraseTerms.push(...key.terms);
        i += n;
        continue;
      }
      const t = terms[i]!;
      i++;
      if (FILLER.has(t)) continue;
      phraseTerms.push(t);
      facets.push({
        label: words[wordOf[i - 1]!]!.raw,
        alternatives: [{ terms: [t], weight: WEIGHT.typed, label: words[wordOf[i - 1]!]!.raw }],
        generic: GENERIC.has(t),
      });
    }
    if (facets.length) concepts.push({ label: phrase, facets, phrase: phraseTerms });
  }
  return concepts;
}

/**
 * Parses include/exclude words literally: one concept per entry, matched as typed (stemmed and
 * case-folded, no synonyms), so "survey" also catches "surveys" but never "overview".
 */
export function parseKeywords(words: string[]): Concept[] {
  const out: Concept[] = [];
  for (const w of words) {
    const alt = alternativeOf(w, 1);
    if (!alt) continue;
    alt.label = w.trim();
    out.push({ label: w.trim(), facets: [{ label: w.trim(), alternatives: [alt], generic: false }], phrase: alt.terms });
  }
  return out;
}
