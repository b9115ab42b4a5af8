// Building blocks for reading environment variables with zod, shared by the core's configuration
// (src/config.ts) and each platform's own variables (adapters/<name>/env.ts), so every variable
// is validated and reported the same way: "NAME: what is wrong (expected the fix)". Platforms get
// them as ENV_KIT from readConfig instead of importing zod, so loading a descriptor (as
// `paperbot --help` does) loads no validation library.
import { z } from 'zod';

/** The environment as read: variable name → raw text. */
export type Env = Record<string, string | undefined>;

/** An on/off switch: true/false, 1/0, yes/no, on/off. */
export const boolText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** An absolute URL. */
export const url = z.url({ message: 'must be a URL such as http://127.0.0.1:8080' });

/** A whole number above zero, from text. */
export const positiveInt = z.coerce.number().int().positive();

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An optional variable: unset and blank both read as undefined. */
export const opt = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

/** The outcome of reading a group of variables: their values, or one line per bad variable. */
export type EnvRead<T> = { ok: true; values: T } | { ok: false; errors: string[] };

/**
 * Reads the variables of `shape` from `env`. Each bad variable gives one line, `NAME: message`,
 * followed by `(expected …)` when `hints` has a fix for it.
 */
export function readEnvShape<S extends z.ZodRawShape>(shape: S, env: Env, hints: Readonly<Record<string, string>> = {}): EnvRead<z.infer<z.ZodObject<S>>> {
  const parsed = z.object(shape).safeParse(env);
  if (parsed.success) return { ok: true, values: parsed.data };
  const errors = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const hint = hints[name] ? ` (expected ${hints[name]})` : '';
    return `${name}: ${issue.message}${hint}`;
  });
  return { ok: false, errors };
}

/** What readConfig hands each platform's `readEnv`: zod and the shared variable helpers. */
export const ENV_KIT = { z, opt, url, boolText, positiveInt, readEnvShape };

/** The type of ENV_KIT. */
export type EnvKit = typeof ENV_KIT;
