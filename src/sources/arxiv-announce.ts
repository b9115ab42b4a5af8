// The "arXiv:<id>vN Announce Type: <type> \nAbstract: …" text that listing feeds put in
// <description> (RSS) or <summary> (Atom listing).
import type { AnnounceType } from '../types.js';

const ANNOUNCE = /^\s*arXiv:(\S+)\s+Announce Type:\s*(\S+)\s*Abstract:\s*([\s\S]*)$/i;
const TYPES: readonly AnnounceType[] = ['new', 'cross', 'replace', 'replace-cross'];

/** The parts of a listing description; `abstract` is the raw remainder (not yet normalised). */
export interface AnnounceText {
  versionedId?: string;
  announceType?: AnnounceType;
  abstract: string;
}

/** Splits a listing description; text without the header is returned whole as the abstract. */
export function splitAnnounceText(text: string): AnnounceText {
  const m = ANNOUNCE.exec(text);
  if (!m) return { abstract: text };
  return { versionedId: m[1], announceType: toAnnounceType(m[2]), abstract: m[3] ?? '' };
}

/** Narrows free text to a known announce type ("new", "cross", "replace", "replace-cross"). */
export function toAnnounceType(text: string | undefined): AnnounceType | undefined {
  const t = text?.trim().toLowerCase();
  return TYPES.find((known) => known === t);
}

/** Whether a listing entry is a new paper (kept) rather than a new version of an old one. */
export function isNewAnnouncement(type: AnnounceType | undefined): boolean {
  return type === undefined || type === 'new' || type === 'cross';
}
