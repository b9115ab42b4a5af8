// The typed argument a sub-command reads after its name. The command table declares it; the core
// validates it here once, and adapters build their surface (Discord option types, Slack hints) from it.
import { InputError } from '../errors.js';
import { quoteShort } from './text-args.js';

interface ArgBase {
  /** Name of the argument in usage hints and of the Discord option (lower case, ≤ 32). */
  name: string;
  /** What to give, in a few words (Discord shows it under the option; ≤ 100 characters). */
  description: string;
  /** False when the command answers an empty argument itself (e.g. with the current value). */
  required: boolean;
}

/** A whole number from `min` to `max`. */
export type IntegerArg = ArgBase & { type: 'integer'; min: number; max: number };
/** A decimal number from `min` to `max`. */
export type NumberArg = ArgBase & { type: 'number'; min: number; max: number };
/** On or off; typed as `on`/`off` (also yes/no, true/false). */
export type BooleanArg = ArgBase & { type: 'boolean' };
/** One word from a fixed list. */
export type ChoiceArg = ArgBase & { type: 'choice'; choices: readonly string[] };
/** A paper id or link; platforms that can offer completion of stored ids do. */
export type PaperIdArg = ArgBase & { type: 'paper-id' };
/** Free text, read by the command itself. */
export type TextArg = ArgBase & { type: 'text' };

/** Every kind of argument a sub-command can declare. */
export type ArgSpec = IntegerArg | NumberArg | BooleanArg | ChoiceArg | PaperIdArg | TextArg;

/** A validated argument: a number for integer/number, a boolean, or the trimmed text (undefined when empty). */
export type ArgValue = number | boolean | string | undefined;

const ON = ['on', 'yes', 'true'];
const OFF = ['off', 'no', 'false'];

function rangeText(spec: IntegerArg | NumberArg): string {
  return `${spec.type === 'integer' ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}`;
}

/** The one-line shape of the argument for usage hints, e.g. `<1-20>`, `<on|off>`, `<query>`. */
export function argumentHint(spec: ArgSpec): string {
  const inner =
    spec.type === 'integer' || spec.type === 'number'
      ? `${spec.min}-${spec.max}`
      : spec.type === 'boolean'
        ? 'on|off'
        : spec.type === 'choice'
          ? spec.choices.join('|')
          : spec.name;
  return spec.required ? `<${inner}>` : `[${inner}]`;
}

/**
 * Validates the argument text against its declaration. Returns the typed value (undefined when an
 * optional argument is empty); throws InputError naming what was wrong and what is allowed.
 */
export function parseArgument(spec: ArgSpec | undefined, raw: string): ArgValue {
  const text = raw.trim();
  if (!spec) return text || undefined;
  if (!text) {
    if (!spec.required) return undefined;
    throw new InputError(missingText(spec));
  }
  switch (spec.type) {
    case 'integer': {
      const n = Number(text);
      if (!/^[-+]?\d{1,9}$/.test(text) || n < spec.min || n > spec.max) throw new InputError(`"${quoteShort(text, 20)}" is not ${rangeText(spec)}.`);
      return n;
    }
    case 'number': {
      const n = Number(text);
      if (!/^[-+]?(\d{1,9}(\.\d*)?|\.\d+)$/.test(text) || n < spec.min || n > spec.max) {
        throw new InputError(`"${quoteShort(text, 20)}" is not ${rangeText(spec)}.`);
      }
      return n;
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (ON.includes(word)) return true;
      if (OFF.includes(word)) return false;
      throw new InputError(`"${quoteShort(text, 20)}" is neither on nor off.`);
    }
    case 'choice': {
      const word = text.toLowerCase();
      const found = spec.choices.find((c) => c.toLowerCase() === word);
      if (!found) throw new InputError(`"${quoteShort(text, 20)}" is not one of: ${spec.choices.join(', ')}.`);
      return found;
    }
    case 'paper-id':
    case 'text':
      return text;
  }
}

function missingText(spec: ArgSpec): string {
  switch (spec.type) {
    case 'integer':
    case 'number':
      return `Give ${rangeText(spec)}.`;
    case 'boolean':
      return 'Say on or off.';
    case 'choice':
      return `Give one of: ${spec.choices.join(', ')}.`;
    default:
      return `Give ${spec.description.replace(/^./, (c) => c.toLowerCase()).replace(/\.$/, '')}.`;
  }
}

/**
 * The argument text for a typed value from a platform's own form (Discord's INTEGER, NUMBER,
 * BOOLEAN options), so adapters hand the core the same invocation a typed command gives.
 */
export function argumentText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value).trim();
}

/** The value of a required integer or number argument (the table guarantees its type). */
export function numberArg(value: ArgValue): number {
  if (typeof value !== 'number') throw new Error('command table: expected a number argument');
  return value;
}

/** The value of a required boolean argument (the table guarantees its type). */
export function booleanArg(value: ArgValue): boolean {
  if (typeof value !== 'boolean') throw new Error('command table: expected a boolean argument');
  return value;
}
