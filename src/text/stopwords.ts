// Words the analyzer drops. Function words go from the index and every query. Deliberately short:
// research words ("model", "learning", "data") stay, because BM25 and the ranker weigh them
// instead. Answers also drop the generic words of questions and abstracts.

/** Lowercase, unstemmed English stop words. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also although am among an and any are aren around as at
  be been before being below between both but by can cannot could did do does doing done down during
  each either eg etc even ever every few for from further had has have having he her here hers him his
  how however i ie if in into is isn it its itself just let like may me might more most much must my
  no nor not of off on once only or other our ours out over own per rather same shall she should since
  so some such than that the their theirs them then there these they this those though through thus to
  too under until up upon us very via was we were what when where whether which while who whom whose
  why will with within without would yet you your yours vs versus whereas towards toward onto`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Lowercase, unstemmed words a question or an abstract uses about itself or to ask ("paper",
 * "propose", "results", "tell", "explain"), plus chatty function words; answers drop them on top
 * of STOP_WORDS (contentTerms with dropGeneric).
 */
export const GENERIC_WORDS: readonly string[] = `because else get gets got least made make makes many now one please tell
  whatever yes abstract author authors paper papers work works study studies propose proposed proposes
  present presents presented show shows shown use used uses using new novel approach approaches method
  methods result results based explain mean means describe described say says said talk think know`
  .split(/\s+/)
  .filter(Boolean);
