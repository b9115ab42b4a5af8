// A small labeled ranking set over the recorded fixture papers (85 papers: HF Daily Papers
// 2024-10 and 2026-06/07, arXiv API and RSS samples). Each profile's graded labels were written by
// reading the titles and abstracts, before looking at any ranker output:
//   3 = exactly what the channel asked for, 2 = clearly relevant, 1 = related / partly relevant,
//   unlabeled = 0. A followed author's paper is relevant by the channel's own request; a paper
//   containing an excluded word is 0 by the channel's own request.
import type { InterestProfile } from '../../src/types.js';

/** One labeled channel profile. */
export interface LabeledProfile {
  name: string;
  /** Which kind of interest this exercises. */
  kind: 'keywords' | 'plain words' | 'acronyms' | 'exclude' | 'follow' | 'examples';
  profile: InterestProfile;
  /** Example papers (ids among the fixture papers) the channel gave with `/papers like`. */
  likes?: string[];
  /** Graded relevance by paper id (unlisted = 0). */
  labels: Record<string, 1 | 2 | 3>;
}

const base = { include: [], exclude: [], follow: [], feedback: [] };

/** The labeled profiles. */
export const LABELED_PROFILES: LabeledProfile[] = [
  {
    name: 'diffusion + video generation',
    kind: 'keywords',
    profile: { ...base, interests: 'diffusion models, video generation' },
    labels: {
      '2607.09024': 3, // video generation models as general vision learners (video diffusion backbone)
      '2607.08770': 3, // event-based video reconstruction with video diffusion models
      '2606.12575': 3, // two-step image generation via diffusion distillation
      '2606.08788': 3, // efficient diffusion transformer training
      '2606.13501': 2, // serving diffusion transformers for image/video generation
      '2604.26951': 2, // distillation for diffusion language models
      '2604.26841': 2, // language diffusion models as associative memories
      '2606.06113': 2, // text-to-image defect feedback for diffusion model alignment
      '2607.08765': 1, // panoramic image generation
      '2606.12282': 1, // flow matching with DiT blocks for piano audio
      '2606.11096': 1, // discrete autoencoder for autoregressive image generation
      '2606.13289': 1, // unified image/video understanding and generation
      '2606.13515': 1, // world-action models via video prediction
      '2607.08526': 1, // on-device text-to-music generation runtime
    },
  },
  {
    name: 'making big models cheaper to run',
    kind: 'plain words',
    profile: { ...base, interests: 'making big models cheaper to run' },
    labels: {
      '2604.21952': 3, // accelerating multimodal foundation models: quantization, pruning, speculative decoding
      '2606.12243': 3, // speculative decoding with intra-model routing
      '2606.13392': 3, // sparse attention cutting attention compute, prefill/decoding speedups
      '2604.26837': 3, // sparse-attention-aware long-context LLM serving
      '2607.23193': 3, // token compression for omnimodal LLMs, prefill speedup
      '2604.26881': 2, // serverless MoE serving with a third of the resources
      '2607.08526': 2, // quantized on-device runtime
      '2604.26857': 2, // knowledge distillation + INT8 for edge deployment
      '2604.26951': 2, // distilling dLLMs into a small student
      '2606.12575': 2, // 8-step to 2-step diffusion distillation
      '2607.07953': 2, // linear attention vs quadratic cost
      '2606.13501': 2, // efficient DiT serving (throughput, latency)
      '2607.09424': 1, // MoE hybrid activating 3B of 30B parameters
      '2606.10896': 1, // memory-efficient GMM kernel
      '2410.17243': 1, // memory-efficient contrastive loss training
      '2606.08788': 1, // efficient diffusion training
      '2606.13594': 1, // latent communication at lower compute
    },
  },
  {
    name: 'robots that learn from watching people',
    kind: 'plain words',
    profile: { ...base, interests: 'robots that learn from watching people' },
    labels: {
      '2606.08103': 2, // robot manipulation trained on human VR annotations of articulated parts
      '2606.13677': 1, // dexterous manipulation via RL in simulation
      '2606.13515': 1, // world-action models for robotic control from video prediction
      '2606.08039': 1, // drone simulator for RL
      '2601.16211': 1, // recognizing human actions in video
      '2607.09024': 1, // vision models learned from (synthetic) human videos
    },
  },
  {
    name: 'RL for LLM reasoning',
    kind: 'acronyms',
    profile: { ...base, interests: 'RL for LLM reasoning' },
    labels: {
      '2606.13106': 3, // latent reasoning trained with on-policy RL (GRPO)
      '2607.28582': 3, // policy optimization / self-distillation for reasoning LMs
      '2606.09304': 2, // on-policy distillation vs RL on math reasoning
      '2606.09290': 2, // MLLM policy trained with role rewards for visual reasoning
      '2606.08063': 2, // MLLMs with RL (dual rewards) for robust reasoning
      '2607.08716': 1, // memory agent policy trained with SFT + GRPO
      '2410.18693': 1, // LLM reasoning via data synthesis (no RL)
      '2604.26904': 1, // agents trained with SFT and RL
      '2607.08404': 1, // GPT-2 drug design with GRPO
      '2607.09415': 1, // long-context reasoning with test-time training
    },
  },
  {
    name: 'SSM alternatives to attention',
    kind: 'acronyms',
    profile: { ...base, interests: 'SSM alternatives to attention' },
    labels: {
      '2607.07953': 3, // linear / recurrent attention architectures compared with softmax attention
      '2607.09424': 2, // hybrid Mamba Transformer foundation model
      '2606.13392': 1, // sparse attention (efficient attention, not an SSM)
      '2604.26837': 1, // sparse attention serving
    },
  },
  {
    name: 'RAG for question answering',
    kind: 'acronyms',
    profile: { ...base, interests: 'RAG for question answering' },
    labels: {
      '2604.26880': 3, // grounded clinical QA: retrieve evidence, generate grounded answers
      '2606.13120': 2, // search agents: LLMs augmented with search tools, QA benchmark
      '2606.11662': 2, // deep search agents answering complex questions
      '2606.12451': 1, // tool retrieval for LLMs
      '2410.16251': 1, // correcting hallucinations in LLM answers
      '2604.26866': 1, // closed-book QA hallucinations
      '2606.13572': 1, // medical QA dataset with tool grounding
      '2607.08716': 1, // memory-grounded reminders vs retrieval
    },
  },
  {
    name: 'LLM agents, excluding safety',
    kind: 'exclude',
    profile: { ...base, interests: 'LLM agents, agent memory', exclude: ['safety'] },
    labels: {
      '2606.13174': 3, // coding agents that compile user corrections
      '2606.10423': 3, // generalist web agent
      '2606.13681': 3, // memory evolution for LLM agents
      '2607.08716': 3, // proactive memory agent for long-horizon agents
      '2607.08768': 3, // benchmark for proactive agents
      '2604.26904': 3, // framework for building claw agents
      '2606.13120': 3, // benchmarking search agents
      '2606.11662': 3, // deep search agent framework
      '2607.27958': 3, // reliability memory for LLM multi-agent systems
      '2606.13594': 2, // latent communication between heterogeneous agents
      '2606.12451': 2, // tool knowledge of LLMs deployed as agents
      '2606.13591': 2, // multi-agent debate confidence
      '2606.13572': 2, // multi-agent medical reasoning framework
      '2606.09290': 1, // single-policy multi-agent visual reasoning
      // 2606.07867 (agent safety) is what the channel excluded: 0.
    },
  },
  {
    name: 'robot manipulation + followed authors',
    kind: 'follow',
    profile: {
      ...base,
      interests: 'robot manipulation, reinforcement learning',
      follow: ['P. Abbeel', 'Andrew Zisserman'],
    },
    labels: {
      '2606.13677': 3, // dexterous manipulation with RL (Abbeel)
      '2606.08103': 3, // articulated parts perception for robot manipulation
      '2606.13515': 3, // world-action model for robot manipulation
      '2607.09024': 2, // followed author (Zisserman), video generation for vision
      '2606.08039': 2, // drone simulator for RL
      '2604.26836': 2, // safety filters for model-based RL
      '2606.13106': 2, // on-policy RL (for latent reasoning) is the paper's core
      '2607.28582': 2, // policy optimization / RL objective for LMs is the paper's core
      '2604.26932': 1, // learned ADMM relaxation policies
      '2607.08404': 1, // RL (GRPO) as one training stage
      '2606.08063': 1, // RL with dual rewards as one stage
      '2606.09304': 1, // on-policy distillation compared with RL
      '2606.09290': 1, // policy trained with role rewards and advantages
      '2604.26904': 1, // explores RL for agents
      '2607.08716': 1, // memory policy trained with GRPO
    },
  },
  {
    name: 'AI for doctors and hospitals',
    kind: 'plain words',
    profile: { ...base, interests: 'AI for doctors and hospitals' },
    labels: {
      '2606.13572': 3, // multimodal medical reasoning for patients' queries
      '2604.26880': 3, // clinical QA over electronic health records
      '2604.26869': 3, // AI-assisted karyotyping in a clinical lab
      '2604.21956': 3, // clinical alerting from health records
      '2607.08404': 2, // disease-aware drug design
      '2604.21952': 1, // hardware acceleration evaluated on medical foundation models
    },
  },
];

/** A by-example profile: two papers a profile's labels rate 3, the rest of its labels as judged. */
function byExample(name: string, from: string, likes: [string, string]): LabeledProfile {
  const source = [...LABELED_PROFILES].find((p) => p.name === from);
  if (!source) throw new Error(`no labeled profile named ${from}`);
  const labels = Object.fromEntries(Object.entries(source.labels).filter(([id]) => !likes.includes(id)));
  return { name, kind: 'examples', profile: { ...base, interests: '' }, likes, labels };
}

/** Profiles given only by two example papers (the channel typed no interests). */
export const EXAMPLE_PROFILES: LabeledProfile[] = [
  byExample('like: two video diffusion papers', 'diffusion + video generation', ['2607.09024', '2607.08770']),
  byExample('like: two inference-speed papers', 'making big models cheaper to run', ['2606.12243', '2606.13392']),
  byExample('like: two RL-for-reasoning papers', 'RL for LLM reasoning', ['2606.13106', '2607.28582']),
  byExample('like: two agent papers', 'LLM agents, excluding safety', ['2607.08716', '2606.10423']),
  byExample('like: two clinical papers', 'AI for doctors and hospitals', ['2606.13572', '2604.26880']),
];
