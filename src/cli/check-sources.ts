// Up-front checks of source names given on the command line.
import type { App } from '../main.js';
import { InputError, errorMessage } from '../errors.js';

/**
 * Throws InputError for an unknown source name, or a `file:` source whose file is missing or
 * unreadable: on the command line these are typos to fix, not a note in the digest. Network
 * sources are not contacted here; their failures still become digest notes.
 */
export async function checkCliSources(app: Pick<App, 'sourceFor'>, names: string[], date: string): Promise<void> {
  for (const name of names) {
    const source = app.sourceFor(name);
    if (!name.startsWith('file:')) continue;
    try {
      await source.fetch({ date });
    } catch (err) {
      throw new InputError(errorMessage(err));
    }
  }
}
