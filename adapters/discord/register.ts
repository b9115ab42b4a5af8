// One-off registration of the `/papers` and `/papers-admin` commands with Discord (the lead wires
// `paperbot discord-register [--guild ID]` to it). Guild commands update instantly; global ones
// can take a while to appear everywhere.
import { REST, Routes, type APIApplication, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { CommandInfo } from '../../src/commands/command.js';
import { buildDiscordCommands } from './commands.js';

/** What registration needs. */
export interface RegisterDiscordCommandsOptions {
  token: string;
  /** The application id (DISCORD_APPLICATION_ID); when absent it is read from GET /applications/@me. */
  applicationId?: string;
  /** REST base (default https://discord.com/api); tests and proxies override it. */
  apiUrl?: string;
  /** Register in this guild only (instant; for development). Omitted: global. */
  guildId?: string;
  /** Sub-commands to declare (default: the registry). */
  commands?: readonly CommandInfo[];
  /** @discordjs/rest retries and timeout (ms), for tests. */
  restOptions?: { retries?: number; timeout?: number };
}

/** What Discord registered. */
export interface RegisterDiscordCommandsResult {
  scope: 'guild' | 'global';
  /** Registered top-level command names (["papers", "papers-admin"]). */
  names: string[];
  /** Number of sub-commands declared across both commands. */
  subcommands: number;
}

/**
 * Replaces the application's commands with `/papers` and `/papers-admin` (bulk overwrite: PUT), in one guild or
 * globally. Rejects with the Discord API error (e.g. 401 for a bad token).
 */
export async function registerDiscordCommands(options: RegisterDiscordCommandsOptions): Promise<RegisterDiscordCommandsResult> {
  const rest = new REST({
    version: '10',
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    ...(options.restOptions ?? {}),
  }).setToken(options.token);
  const commands = buildDiscordCommands(options.commands);
  const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body: commands })) as RESTPutAPIApplicationCommandsResult;
  return {
    scope: options.guildId ? 'guild' : 'global',
    names: result.map((c) => c.name),
    subcommands: commands.reduce((n, c) => n + (c.options?.length ?? 0), 0),
  };
}
