// What a channel's ranking starts from: its settings, its votes and its example papers, each
// paired with the paper from the corpus. Shared by the digest and `/papers weekly`.
import type { BotStore, PaperCorpus } from '../ports.js';
import type { InterestProfile, Subscription } from '../types.js';
import { profileFromSubscription } from './profile.js';
import { examplePapers } from './example-papers.js';

/** Pairs each of the channel's votes with its paper (votes on unknown papers are dropped). */
async function feedbackPapers(store: Pick<BotStore, 'listFeedback'>, corpus: Pick<PaperCorpus, 'getPapers'>, channelKey: string) {
  const votes = await store.listFeedback(channelKey);
  const papers = new Map((await corpus.getPapers(votes.map((v) => v.paperId))).map((p) => [p.id, p]));
  return votes.flatMap((v) => {
    const paper = papers.get(v.paperId);
    return paper ? [{ paper, value: v.value }] : [];
  });
}

/** The interest profile the digest ranks `sub`'s channel with: settings, 👍/👎 votes and example papers. */
export async function channelProfile(
  sub: Subscription,
  deps: { store: Pick<BotStore, 'listFeedback'>; corpus: Pick<PaperCorpus, 'getPapers'> },
): Promise<InterestProfile> {
  const examples = await examplePapers(sub.likes ?? [], deps.corpus);
  return profileFromSubscription(sub, await feedbackPapers(deps.store, deps.corpus, sub.channel.key), examples);
}
