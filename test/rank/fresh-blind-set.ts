// A blind set written for issue 11 before the ranker was changed, from fields no other set
// covers (physics and hardware, people and work, anomaly detection, biomedicine), by reading
// the papers' abstracts. Scored once, at the end of the work; never used to tune anything.
// Graded 3/2/1 as in labeled-set.ts; unlisted = 0.
import type { LabeledProfile } from './labeled-set.js';

const base = { include: [], exclude: [], follow: [], feedback: [] };

/** Fresh blind profiles: keyword interests, plain-language interests and two-example profiles. */
export const FRESH_BLIND_PROFILES: LabeledProfile[] = [
  {
    name: 'quantum systems, exoplanets, oscillators',
    kind: 'keywords',
    profile: { ...base, interests: 'quantum circuits, quantum phase transitions, exoplanet surveys, terahertz oscillators' },
    labels: {
      '2607.07816': 3, // simulating peaked quantum circuits
      '1111.2011': 3, // quantum criticality on a Bethe lattice
      'astro-ph/0601001': 3, // hot Jupiter frequency from transit surveys
      '2604.26903': 3, // mm-wave and THz oscillators
      '1707.08567': 1, // information theory and communications workshop
      '2606.13568': 1, // cup-product layer for physics observables
    },
  },
  {
    name: 'how professionals feel about using AI at work',
    kind: 'plain words',
    profile: { ...base, interests: 'how people at work perceive and rely on AI assistants when making decisions' },
    labels: {
      '2604.26851': 3, // recruiters' sense of agency with genAI
      '2606.13174': 2, // coding agents that keep following users' corrections
      '2606.12730': 1, // whether LLM self-reports predict their behaviour
      '2606.00467': 1, // LLM annotators' priors vs user instructions
    },
  },
  {
    name: 'catching cheaters and unusual records',
    kind: 'plain words',
    profile: { ...base, interests: 'spotting suspicious or unusual records, like doping athletes or missed lab tests' },
    labels: {
      '2604.21953': 3, // performance anomalies in athletics (anti-doping)
      '2604.21956': 3, // conditional anomaly detection for clinical alerting
      '2604.26835': 1, // detecting hallucinated citations
    },
  },
  {
    name: 'like: two physics papers',
    kind: 'examples',
    profile: { ...base, interests: '' },
    likes: ['2607.07816', '1111.2011'],
    labels: {
      'astro-ph/0601001': 2, // physical science (astrophysics)
      '2604.26903': 2, // semiconductor oscillators
      '2606.13568': 2, // physics/gauge-theory neural layer
      '2604.26898': 1, // particle-system limits of transformers
      '1707.08567': 1, // information theory
    },
  },
  {
    name: 'like: two clinical systems',
    kind: 'examples',
    profile: { ...base, interests: '' },
    likes: ['2604.26880', '2604.26869'],
    labels: {
      '2604.21956': 3, // clinical alerting
      '2606.13572': 3, // medical reasoning for patients
      '2607.08404': 2, // disease-aware drug design
      '2604.21952': 1, // accelerators evaluated on medical models
    },
  },
  {
    name: 'like: two studies of LLM behaviour and people',
    kind: 'examples',
    profile: { ...base, interests: '' },
    likes: ['2604.26851', '2606.12730'],
    labels: {
      '2606.00467': 3, // LLM annotation priors
      '2606.13174': 2, // coding agents and user corrections
      '2606.07867': 1, // safety of LLM agents
      '2606.13591': 1, // confidence of multi-agent systems
    },
  },
];
