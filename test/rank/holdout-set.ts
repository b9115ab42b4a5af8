// A second labeled set, written by a different engineer from the titles alone, after the ranker
// was built and without running it first: it exists to catch tuning to LABELED_PROFILES.
// Graded 3/2/1 as in labeled-set.ts; unlisted = 0.
import type { LabeledProfile } from './labeled-set.js';

const base = { include: [], exclude: [], follow: [], feedback: [] };

/** Held-out profiles (never used to tune weights). */
export const HOLDOUT_PROFILES: LabeledProfile[] = [
  {
    name: 'faster, cheaper LLM inference (plain words)',
    kind: 'plain words',
    profile: { ...base, interests: 'making large language models faster and cheaper to run' },
    labels: {
      '2606.12243': 3, // speculative decoding
      '2606.13392': 3, // sparse attention for long contexts
      '2604.26837': 3, // sparse attention + hierarchical memory for LLM serving
      '2604.26881': 2, // serverless MoE serving
      '2607.07953': 2, // linear attention architectures
      '2607.23193': 2, // token compression for omnimodal LLMs
      '2604.21952': 2, // accelerating multimodal foundation models
      '2606.13501': 1, // diffusion transformer serving
      '2607.08526': 1, // quantized on-device runtime (audio)
      '2607.28308': 1, // sparse MoE routing
    },
  },
  {
    name: 'robots manipulating objects (plain words)',
    kind: 'plain words',
    profile: { ...base, interests: 'robots that learn to grasp and manipulate objects' },
    labels: {
      '2606.13677': 3, // dexterous manipulation of articulated tools
      '2606.08103': 3, // articulated parts perception in robot manipulation
      '2606.13515': 2, // world-action models
      '2606.08039': 1, // drone simulator for control and RL
      '2601.16211': 1, // opening drawers: compositional action recognition
    },
  },
  {
    name: 'LLM safety, robustness, hallucination',
    kind: 'keywords',
    profile: { ...base, interests: 'LLM safety, adversarial robustness, hallucination' },
    labels: {
      '2606.07867': 3, // safety gap in LLM agents
      '2606.11409': 3, // adversarial robustness of language models
      '2410.16251': 2, // knowledge editing vs hallucinations
      '2604.26835': 2, // hallucinated citation detection
      '2606.12451': 1, // auditing tool knowledge of LLMs
      '2604.26836': 1, // safety filters for neural dynamics
    },
  },
  {
    name: 'RL for LLM reasoning (acronyms)',
    kind: 'acronyms',
    profile: { ...base, interests: 'RL for LLM reasoning' },
    labels: {
      '2606.13106': 3, // latent reasoning with on-policy RL
      '2607.28582': 2, // policy optimization + self-distillation
      '2606.09304': 2, // on-policy distillation
      '2410.18693': 2, // reasoning via question synthesis
      '2606.09290': 2, // visual reasoning, single-policy multi-agent
      '2606.11662': 1, // tree search for deep search agents
      '2606.08039': 1, // RL simulator (drones)
      '2604.26932': 1, // learned policies for ADMM
    },
  },
];

/**
 * A third set, labeled from titles at the very end of the ranking work and never used to change
 * it. When written, plain BM25 of the interest text beat the lexical ranker on it (0.877 vs
 * 0.843): the hand-kept vocabulary does not cover every topic, and generic words it drops
 * ("learning", "algorithms") sometimes carry the meaning. Kept as an honest check, with no floor.
 */
export const BLIND_PROFILES: LabeledProfile[] = [
  { name: 'long context + agent memory', kind: 'keywords', profile: { ...base, interests: 'long-context language models, memory for agents' },
    labels: { '2607.09415': 3, '2604.26837': 3, '2410.18533': 3, '2606.13392': 2, '2607.08716': 3, '2606.13681': 3, '2607.27958': 2, '2604.26841': 1 } },
  { name: 'assistants that browse and use tools', kind: 'plain words', profile: { ...base, interests: 'AI assistants that browse the web and use tools' },
    labels: { '2606.10423': 3, '2606.13120': 3, '2606.11662': 2, '2606.12451': 3, '2607.08768': 2, '2604.26904': 1, '2606.13174': 1 } },
  { name: 'video segmentation, action recognition', kind: 'keywords', profile: { ...base, interests: 'video segmentation, action recognition' },
    labels: { '2607.08688': 3, '2601.16211': 3, '2607.08770': 1, '2607.09024': 1, '2606.13289': 1 } },
  { name: 'theoretical guarantees for learning', kind: 'plain words', profile: { ...base, interests: 'theoretical guarantees for learning algorithms' },
    labels: { '2604.26926': 3, '2604.26922': 3, '2604.26932': 3, '2604.26898': 2, '2604.26942': 1, '2604.26919': 1 } },
];
