/** A PDF that could be downloaded but not read as text (the caller falls back to the abstract). */
export class UnreadablePdfError extends Error {
  constructor(reason: string) {
    super(`the PDF could not be read (${reason})`);
    this.name = 'UnreadablePdfError';
  }
}
