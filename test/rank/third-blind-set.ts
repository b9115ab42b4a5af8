// A third blind set (issue 11, second pass), written before the ranker was changed, from fields
// no other set covers (music and audio, road safety and vehicles, languages other than English,
// memory-efficient GPU computation, historical documents), by reading the papers' abstracts.
// Scored once, at the end of the work; never used to tune anything. Graded 3/2/1 as in
// labeled-set.ts; unlisted = 0.
import type { LabeledProfile } from './labeled-set.js';

const base = { include: [], exclude: [], follow: [], feedback: [] };

/** Third blind profiles: keyword interests, plain-language interests and two-example profiles. */
export const THIRD_BLIND_PROFILES: LabeledProfile[] = [
  {
    name: 'music and audio generation',
    kind: 'keywords',
    profile: { ...base, interests: 'music generation, audio synthesis, piano performance' },
    labels: {
      '2606.12282': 3, // expressive piano performance rendering
      '2607.08526': 3, // on-device text-to-music runtime
    },
  },
  {
    name: 'pedestrians and autonomous vehicles',
    kind: 'keywords',
    profile: { ...base, interests: 'pedestrian detection, autonomous vehicles, road safety' },
    labels: {
      '2607.16922': 3, // pedestrian archetypes for AV safety testing
      '2604.26857': 3, // vulnerable road user detection on edge hardware
      '2604.26836': 1, // predictive safety filters for learned dynamics
      '2606.08039': 1, // drone simulator for control
    },
  },
  {
    name: 'models for languages other than English',
    kind: 'plain words',
    profile: { ...base, interests: 'language models that work for people who do not speak English' },
    labels: {
      '2607.09424': 3, // German and English foundation model
      '2606.13572': 3, // medical reasoning in Indic languages
      '2607.04690': 1, // stance detection shared task (NakbaNLP)
    },
  },
  {
    name: 'fitting more into GPU memory',
    kind: 'plain words',
    profile: { ...base, interests: 'making training fit in less GPU memory so bigger batches or datasets fit on one card' },
    labels: {
      '2410.17243': 3, // near-infinite batch size for contrastive loss by tiling
      '2606.10896': 3, // memory-efficient GMM kernel, 100x larger data on one device
      '2606.08788': 1, // efficient diffusion training
    },
  },
  {
    name: 'reading old handwritten documents',
    kind: 'plain words',
    profile: { ...base, interests: 'computers reading old handwritten manuscripts' },
    labels: {
      '2606.09446': 3, // historical script analysis from handwritten text recognition
    },
  },
  {
    name: 'like: two road-safety papers',
    kind: 'examples',
    profile: { ...base, interests: '' },
    likes: ['2607.16922', '2604.26857'],
    labels: {
      '2604.26836': 2, // safety filters
      '2606.08039': 1, // drone control simulator
      '2604.21952': 1, // accelerating models on edge hardware
    },
  },
  {
    name: 'like: two memory-efficient GPU papers',
    kind: 'examples',
    profile: { ...base, interests: '' },
    likes: ['2410.17243', '2606.10896'],
    labels: {
      '2606.08788': 2, // efficient diffusion training
      '2604.26837': 2, // sparse attention with hierarchical memory for serving
      '2606.13392': 1, // sparse attention compute
      '2604.21952': 1, // accelerating foundation models
      '2606.13501': 1, // diffusion transformer serving parallelism
    },
  },
  {
    name: 'like: two non-English language model papers',
    kind: 'examples',
    profile: { ...base, interests: '' },
    likes: ['2607.09424', '2606.13572'],
    labels: {
      '2607.04690': 2, // stance detection shared task in another language
      '2604.26880': 1, // clinical question answering with LLMs
    },
  },
];
