// Discord's message limits (developers/resources/message.mdx). Over any of them the API answers 400.

/** Sizes the renderer keeps every message within. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Across all embeds of one message. */
  embedTotal: 6000,
  threadName: 100,
  choiceName: 100,
  choiceValue: 100,
  choices: 25,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
} as const;
