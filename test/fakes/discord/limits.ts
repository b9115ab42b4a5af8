// Discord's message limits, enforced by the fake so adapter tests catch overflow the way the real
// API does: 400 with code 50035 "Invalid Form Body".
import type { APIEmbed } from 'discord-api-types/v10';

/** Limits from Discord's message resource docs. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
} as const;

interface MessageBody {
  content?: string | null;
  embeds?: APIEmbed[] | null;
}

/** Characters Discord counts toward the 6000-character embed total. */
export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Field path → problem, for every limit the body breaks; empty when it is valid. */
export function messageBodyErrors(body: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!body || typeof body !== 'object') return errors;
  const { content, embeds } = body as MessageBody;
  const over = (path: string, value: string | undefined, max: number) => {
    if (value !== undefined && value.length > max) errors[path] = `Must be ${max} or fewer in length (is ${value.length}).`;
  };
  if (typeof content === 'string') over('content', content, LIMITS.content);
  if (Array.isArray(embeds)) {
    if (embeds.length > LIMITS.embeds) errors.embeds = `Must be ${LIMITS.embeds} or fewer in length.`;
    let total = 0;
    embeds.forEach((e, i) => {
      over(`embeds.${i}.title`, e.title, LIMITS.title);
      over(`embeds.${i}.description`, e.description, LIMITS.description);
      over(`embeds.${i}.footer.text`, e.footer?.text, LIMITS.footer);
      over(`embeds.${i}.author.name`, e.author?.name, LIMITS.author);
      if ((e.fields?.length ?? 0) > LIMITS.fields) errors[`embeds.${i}.fields`] = `Must be ${LIMITS.fields} or fewer in length.`;
      e.fields?.forEach((f, j) => {
        over(`embeds.${i}.fields.${j}.name`, f.name, LIMITS.fieldName);
        over(`embeds.${i}.fields.${j}.value`, f.value, LIMITS.fieldValue);
        if (!f.name || !f.value) errors[`embeds.${i}.fields.${j}`] = 'Field name and value are required.';
      });
      total += embedLength(e);
    });
    if (total > LIMITS.total) errors.embeds = `Embed size exceeds maximum size of ${LIMITS.total}`;
  }
  const hasEmbeds = Array.isArray(embeds) && embeds.length > 0;
  if ('content' in (body as object) && !content && !hasEmbeds && (body as { flags?: number }).flags === undefined) {
    errors.content = 'Cannot send an empty message';
  }
  return errors;
}

/** The 400 body Discord answers for an invalid form. */
export function invalidFormBody(errors: Record<string, string>) {
  const nested: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(errors)) {
    nested[path] = { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message }] };
  }
  return { code: 50035, message: 'Invalid Form Body', errors: nested };
}
