// Prompts are files (prompts/*.md): a front header with `version:` (part of every cache key),
// then a `# system` section and a `# user` section. `{{name}}` placeholders are filled once,
// literally; a missing variable is an error. The system section takes no variables, so
// untrusted text can only ever reach the user message.
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { BotError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { RenderedPrompt } from '../ports.js';

/** A prompt file is malformed, or a render lacked a variable. */
export class PromptError extends BotError {
  constructor(message: string) {
    super('prompt', message);
  }
}

/** A parsed prompt file. */
export interface PromptTemplate {
  name: string;
  version: string;
  system: string;
  user: string;
  /** Placeholder names the user section uses, in order of first use. */
  variables: string[];
}

/** The repository's prompts/ folder. */
export const DEFAULT_PROMPTS_DIR = join(PACKAGE_ROOT, 'prompts') + sep;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Parses a prompt file's text. Throws PromptError when the header lacks `version:`, a section is
 * missing, or the system section has a placeholder.
 */
export function parsePrompt(text: string, fallbackName: string): PromptTemplate {
  const normalized = text.replace(/\r\n?/g, '\n');
  const header = /^---\n([\s\S]*?)\n---\n/.exec(normalized);
  if (!header) throw new PromptError(`prompt ${fallbackName}: missing the front header (--- version: N ---)`);
  const meta = new Map<string, string>();
  for (const line of header[1]!.split('\n')) {
    const m = /^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (m) meta.set(m[1]!.toLowerCase(), m[2]!);
  }
  const name = meta.get('name') || fallbackName;
  const version = meta.get('version');
  if (!version) throw new PromptError(`prompt ${name}: the header has no "version:"`);

  const body = normalized.slice(header[0].length);
  const sections = new Map<string, string>();
  const heading = /^# (system|user)[ \t]*$/gm;
  const marks = [...body.matchAll(heading)];
  marks.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index! : body.length;
    sections.set(m[1]!, body.slice(start, end).trim());
  });
  const system = sections.get('system');
  const user = sections.get('user');
  if (!system) throw new PromptError(`prompt ${name}: missing a "# system" section`);
  if (!user) throw new PromptError(`prompt ${name}: missing a "# user" section`);
  if (new RegExp(PLACEHOLDER.source).test(system)) {
    throw new PromptError(`prompt ${name}: the system section must not take variables (untrusted text belongs in the user message)`);
  }
  const variables = [...new Set([...user.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
  return { name, version, system, user, variables };
}

const cache = new Map<string, PromptTemplate>();

/** Loads and parses prompts/<name>.md (cached per folder and name). Throws PromptError. */
export function loadPrompt(name: string, dir: string = DEFAULT_PROMPTS_DIR): PromptTemplate {
  const file = join(dir, `${name}.md`);
  let template = cache.get(file);
  if (!template) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new PromptError(`prompt ${name}: cannot read ${file} (${(err as Error).message})`);
    }
    template = parsePrompt(text, name);
    cache.set(file, template);
  }
  return template;
}

/**
 * Fills a template's user section. Values are inserted literally in one pass (a value holding
 * "{{x}}" stays as typed). Throws PromptError naming every missing variable.
 */
export function fillPrompt(template: PromptTemplate, vars: Record<string, string | number>): RenderedPrompt {
  const missing = template.variables.filter((v) => vars[v] === undefined);
  if (missing.length) throw new PromptError(`prompt ${template.name}: missing variable(s) ${missing.join(', ')}`);
  const user = template.user.replace(PLACEHOLDER, (_, key: string) => String(vars[key]));
  return { name: template.name, version: template.version, system: template.system, user };
}

/** Loads prompts/<name>.md and renders it with `vars`. Throws PromptError. */
export function renderPrompt(
  name: string,
  vars: Record<string, string | number>,
  options: { dir?: string } = {},
): RenderedPrompt {
  return fillPrompt(loadPrompt(name, options.dir), vars);
}

/** The `version` of prompts/<name>.md, for cache keys. */
export function promptVersion(name: string, dir?: string): string {
  return loadPrompt(name, dir).version;
}
