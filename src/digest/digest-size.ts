// The one range of papers per digest, shared by `/papers size`, `digest --size` and PAPERBOT_DIGEST_SIZE.

/** Fewest papers a digest may be set to show. */
export const MIN_DIGEST_SIZE = 1;
/** Most papers a digest may be set to show: a digest is short by design. */
export const MAX_DIGEST_SIZE = 20;
