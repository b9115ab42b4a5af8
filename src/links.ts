// The links the bot may post. Paper text, model output and user input never become links; the
// only URLs a renderer shows as links are these, built from known ids or checked against a short
// list of hosts the bot knows (arXiv, Hugging Face, GitHub).
import type { Paper } from './types.js';

const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/;

/** Hosts (and their subdomains) whose links a paper card may carry. */
const PAPER_HOSTS = ['arxiv.org', 'huggingface.co', 'github.com'] as const;

function onHost(hostname: string, hosts: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/**
 * `url` as a canonical string when it is an http(s) URL without credentials on one of `hosts`
 * (default: arXiv, Hugging Face, GitHub); undefined otherwise (javascript:, other hosts, junk).
 */
export function trustedUrl(url: string | undefined, hosts: readonly string[] | 'any' = PAPER_HOSTS, httpsOnly = false): string | undefined {
  if (!url || url.length > 2000 || /\s/.test(url.trim())) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const okScheme = parsed.protocol === 'https:' || (!httpsOnly && parsed.protocol === 'http:');
  if (!okScheme || parsed.username || parsed.password || (hosts !== 'any' && !onHost(parsed.hostname, hosts))) return undefined;
  return parsed.href;
}

/** An image to show (a thumbnail, never a link): any http(s) URL without credentials. */
export function imageUrl(url: string | undefined): string | undefined {
  return trustedUrl(url, 'any');
}

/** A code link: an https URL on github.com, else undefined. */
export function trustedCodeUrl(url: string | undefined): string | undefined {
  return trustedUrl(url, ['github.com'], true);
}

/** The page a paper's title links to: arXiv by id, else its trusted abs or PDF link. */
export function paperPageUrl(paper: Paper): string | undefined {
  if (ARXIV_ID.test(paper.id)) return `https://arxiv.org/abs/${paper.id}`;
  return trustedUrl(paper.links.abs) ?? trustedUrl(paper.links.pdf);
}

/** The paper's PDF: arXiv by id, else its trusted PDF link. */
export function paperPdfUrl(paper: Paper): string | undefined {
  if (ARXIV_ID.test(paper.id)) return `https://arxiv.org/pdf/${paper.id}`;
  return trustedUrl(paper.links.pdf);
}
