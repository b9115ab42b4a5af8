import { CorpusError } from '../corpus-error.js';

/** What went wrong with a corpus file, as a message naming the file and the fix. */
export function sqliteFailure(path: string, err: unknown): CorpusError {
  if (err instanceof CorpusError) return err;
  const code = (err as { code?: string }).code ?? '';
  const detail = err instanceof Error ? err.message : String(err);
  const fix = 'or point PAPERBOT_CORPUS_URL at another file';
  let message: string;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    message = `corpus file ${path} is not a usable SQLite database (${detail}): move it away (paperbot refills a new corpus from its sources) ${fix}`;
  } else if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    message = `corpus file ${path} is locked by another program (${detail}): close the program holding it, then try again`;
  } else if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH' || code === 'EACCES' || code === 'EPERM') {
    message = `cannot open corpus file ${path} for reading and writing (${detail}): check the file and folder permissions ${fix}`;
  } else {
    message = `corpus file ${path}: ${detail}`;
  }
  return new CorpusError(message, { cause: err });
}
