// Discord's rules for application command definitions (developers/interactions/application-commands),
// enforced by the fake's PUT …/commands so a definition the real API would refuse fails tests too.

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;
const NUMERIC = new Set([4, 10]); // INTEGER, NUMBER
const SUBCOMMAND = 1;

interface OptionDef {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  options?: OptionDef[];
  choices?: unknown[];
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
}

interface CommandDef {
  name: string;
  description: string;
  options?: OptionDef[];
  default_member_permissions?: string | null;
}

function checkOptions(options: OptionDef[] | undefined, path: string, errors: Record<string, string>): void {
  if (!options) return;
  if (options.length > 25) errors[`${path}.options`] = 'Must be 25 or fewer in length.';
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((o, i) => {
    const at = `${path}.options.${i}`;
    if (!NAME.test(o.name)) errors[`${at}.name`] = 'Command name is invalid';
    if (names.has(o.name)) errors[`${at}.name`] = 'Option names must be unique';
    names.add(o.name);
    if (!o.description || o.description.length > 100) errors[`${at}.description`] = 'Must be between 1 and 100 in length.';
    if (o.type !== SUBCOMMAND) {
      if (o.required && optionalSeen) errors[`${at}.required`] = 'Required options must be placed before non-required options';
      if (!o.required) optionalSeen = true;
    }
    if ((o.min_value !== undefined || o.max_value !== undefined) && !NUMERIC.has(o.type)) errors[`${at}.min_value`] = 'Only INTEGER and NUMBER options have bounds';
    if (o.min_value !== undefined && o.max_value !== undefined && o.min_value > o.max_value) errors[`${at}.max_value`] = 'max_value is below min_value';
    if (o.autocomplete && o.choices?.length) errors[`${at}.autocomplete`] = 'Autocomplete cannot be set with choices';
    if ((o.choices?.length ?? 0) > 25) errors[`${at}.choices`] = 'Must be 25 or fewer in length.';
    if (o.type === SUBCOMMAND) checkOptions(o.options, at, errors);
  });
}

/** Field path → problem, for every rule the bulk-overwrite body breaks; empty when it is valid. */
export function commandDefinitionErrors(body: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Array.isArray(body)) return { _: 'Expected an array of commands' };
  const names = new Set<string>();
  (body as CommandDef[]).forEach((c, i) => {
    if (!NAME.test(c.name)) errors[`${i}.name`] = 'Command name is invalid';
    if (names.has(c.name)) errors[`${i}.name`] = 'Application command names must be unique';
    names.add(c.name);
    if (!c.description || c.description.length > 100) errors[`${i}.description`] = 'Must be between 1 and 100 in length.';
    if (c.default_member_permissions != null && !/^\d+$/.test(c.default_member_permissions)) {
      errors[`${i}.default_member_permissions`] = 'Must be a permission bit set as a string';
    }
    checkOptions(c.options, String(i), errors);
  });
  return errors;
}
