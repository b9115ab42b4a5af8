// A flag given with an empty value (`--sources ""`, `--threshold=`) is a mistake, not "use the
// default": every command refuses it before it runs.
import type { Command } from 'commander';
import { InputError } from '../errors.js';

/**
 * Throws InputError naming the first option or argument of `command` whose value is empty or
 * only whitespace. Meant for commander's preAction hook.
 */
export function refuseEmptyValues(command: Command): void {
  for (const [key, value] of Object.entries(command.opts())) {
    if (typeof value !== 'string' || value.trim() !== '') continue;
    const flag = command.options.find((o) => o.attributeName() === key)?.long ?? `--${key}`;
    throw new InputError(`${flag} needs a value; leave the flag out to use the default`);
  }
  command.registeredArguments.forEach((arg, i) => {
    const value: unknown = command.processedArgs[i];
    if (typeof value === 'string' && value.trim() === '') throw new InputError(`<${arg.name()}> must not be empty`);
  });
}
