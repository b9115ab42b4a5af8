// A small, hand-written corpus for BotCore tests (ids are syntactically valid arXiv ids).
import type { Paper } from '../../src/types.js';

function paper(p: Partial<Paper> & Pick<Paper, 'id' | 'title' | 'abstract'>): Paper {
  return {
    authors: ['Ada Lovelace', 'Alan Turing'],
    categories: ['cs.LG'],
    links: { abs: `https://arxiv.org/abs/${p.id}`, pdf: `https://arxiv.org/pdf/${p.id}` },
    signals: {},
    sources: ['arxiv:cs.LG'],
    ...p,
  };
}

/** Merging adapters; evaluated on GSM-Hard. Has an HF ai_summary. */
export const LORA = paper({
  id: '2406.01234',
  title: 'LoRA Soups: Merging Low-Rank Adapters for Skill Composition',
  abstract:
    'Low-rank adapters (LoRA) are a popular way to fine-tune large language models. ' +
    'We study how to merge several LoRA modules so that one model gains the skills of each. ' +
    'We propose concatenating adapters with learned mixing weights. ' +
    'On the GSM-Hard math word problem dataset, merged adapters outperform data mixing by 12%.',
  authors: ['Akshara Prabhakar', 'Yuanzhi Li', 'Karthik Narasimhan'],
  listedOn: '2026-06-12',
  publishedAt: '2026-06-11T17:00:00Z',
  aiSummary: 'Concatenating LoRA adapters with learned weights composes skills better than data mixing.',
  signals: { upvotes: 42, githubStars: 1300 },
  links: { abs: 'https://arxiv.org/abs/2406.01234', code: 'https://github.com/example/lora-soups' },
});

/** Long-context retrieval; evaluated on BABILong. */
export const MEMORY = paper({
  id: '2406.05678',
  title: 'Recurrent Memory for Long-Context Retrieval',
  abstract:
    'Transformers struggle to retrieve facts from very long inputs. ' +
    'We add a recurrent memory that carries compressed segments across the context window. ' +
    'Evaluated on the BABILong benchmark, the model answers questions over contexts of ten million tokens. ' +
    'Training uses curriculum learning over increasing lengths.',
  authors: ['Yuri Kuratov', 'Aydar Bulatov'],
  listedOn: '2026-06-13',
  publishedAt: '2026-06-12T17:00:00Z',
});

/** Video diffusion; older. */
export const VIDEO = paper({
  id: '2405.11111',
  title: 'Scaling Diffusion Models for Video Generation',
  abstract:
    'We train latent diffusion models on a large corpus of licensed video clips. ' +
    'A spatio-temporal attention layer keeps motion consistent between frames. ' +
    'Human raters prefer our samples over prior work in 71% of comparisons.',
  authors: ['Grace Hopper'],
  categories: ['cs.CV'],
  listedOn: '2026-05-20',
  publishedAt: '2026-05-19T17:00:00Z',
});

/** A paper that exists only on "arXiv" (the fake lookup), not in the store. */
export const REMOTE = paper({
  id: '2406.07777',
  title: 'Sparse Mixture-of-Experts Routing Without Auxiliary Losses',
  abstract: 'We route tokens to experts with a bias term instead of an auxiliary balancing loss. Load stays balanced during training.',
  authors: ['Emmy Noether'],
  listedOn: '2026-06-14',
});

/** The stored corpus. */
export const STORED: Paper[] = [LORA, MEMORY, VIDEO];
