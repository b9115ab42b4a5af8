// The chat platforms paperbot knows. Adding one: its folder under adapters/ with a platform.ts
// descriptor, and one line here. Descriptors are small; each loads its SDK only in `create`.
import type { PlatformDescriptor } from './ports.js';
import type { ChannelRef } from './types.js';
import { InputError } from './errors.js';
import { slackPlatform } from '../adapters/slack/platform.js';
import { discordPlatform } from '../adapters/discord/platform.js';
import { consolePlatform } from '../adapters/console/platform.js';

/** Every chat platform `digest --post` can post to; serve connects the configured ones, in this order. */
export const PLATFORMS: readonly PlatformDescriptor[] = [slackPlatform, discordPlatform, consolePlatform];

/** The descriptor named `name`, if any. */
export function platformNamed(name: string): PlatformDescriptor | undefined {
  return PLATFORMS.find((p) => p.name === name);
}

/** The platforms the configuration turns on. */
export function configuredPlatforms(config: Parameters<PlatformDescriptor['configured']>[0]): PlatformDescriptor[] {
  return PLATFORMS.filter((p) => p.configured(config));
}

/** `<platform>:<channel id>` as each platform writes it, for messages: "slack:<channel id> (e.g. slack:C0123ABCD) or discord:<channel id>". */
export function channelTargetHint(): string {
  return PLATFORMS.map((p) => `${p.name}:<channel id> (e.g. ${p.name}:${p.channels.example})`).join(' or ');
}

/**
 * Parses a channel target such as `slack:C0123` or `discord:1234` into its platform and channel
 * ref; `flag` names the option in the InputError an unknown platform or malformed id raises.
 */
export function parseChannelTarget(target: string, flag: string): { platform: PlatformDescriptor; channel: ChannelRef } {
  const text = target.trim();
  const colon = text.indexOf(':');
  const platform = colon > 0 ? platformNamed(text.slice(0, colon)) : undefined;
  const channelId = text.slice(colon + 1);
  if (!platform || !platform.channels.idPattern.test(channelId)) {
    throw new InputError(`${flag}: "${target}" is not a channel; use ${channelTargetHint()}`);
  }
  return { platform, channel: platform.channels.ref(channelId) };
}
