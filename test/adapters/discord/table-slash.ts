// What Discord's client sends for `/papers <sub> <text>` as a user would fill it in: the command
// (`papers` or `papers-admin`) and the typed option the command table declares, so tests can
// speak in the core's words and still exercise the typed surface.
import { COMMAND_LIST } from '../../../src/commands/registry.js';
import type { SlashOptions, TypedOption } from '../../fakes/discord/payloads.js';

/** SlashOptions for `sub` with its argument typed from `text` (unknown sub-commands go to `/papers`). */
export function tableSlash(sub: string, text?: string): Pick<SlashOptions, 'command' | 'sub' | 'options'> {
  const info = COMMAND_LIST.find((c) => c.name === sub);
  const command = info?.adminOnly ? 'papers-admin' : 'papers';
  const arg = info?.arg;
  if (!arg || text === undefined || text === '') return { command, sub, options: [] };
  let option: TypedOption;
  switch (arg.type) {
    case 'integer':
      option = { name: arg.name, type: 4, value: Number(text) };
      break;
    case 'number':
      option = { name: arg.name, type: 10, value: Number(text) };
      break;
    case 'boolean':
      option = { name: arg.name, type: 5, value: ['on', 'yes', 'true'].includes(text.toLowerCase()) };
      break;
    default:
      option = { name: arg.name, type: 3, value: text };
  }
  return { command, sub, options: [option] };
}
