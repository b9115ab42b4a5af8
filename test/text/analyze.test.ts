import { describe, expect, it } from 'vitest';
import { analyze, contentTerms, foldText, isStopWord, termSequence, words } from '../../src/text/analyze.js';

describe('text analysis', () => {
  it('folds case and accents', () => {
    expect(foldText('Gómez ÅNGSTRÖM')).toBe('gomez angstrom');
  });

  it('drops stop words and lone letters, stems the rest', () => {
    expect(analyze('A survey of the Merging methods')).toEqual(['survey', 'merg', 'method']);
  });

  it('keeps compounds findable joined and split', () => {
    expect(analyze('GPT-4')).toEqual(['gpt', '4', 'gpt4']);
    expect(analyze('Llama-3')).toEqual(['llama', '3', 'llama3']);
    expect(analyze('pre-training')).toEqual(['pre', 'train', 'pretrain']);
    expect(analyze('pretraining')).toEqual(['pretrain']);
  });

  it('gives phrase sequences without stop words, compounds split', () => {
    expect(termSequence('mixture-of-experts').sequence).toEqual(termSequence('mixture of experts').sequence);
    expect(termSequence('Self-supervised pre-training')).toEqual({
      sequence: ['self', 'supervis', 'pre', 'train'],
      joined: ['selfsupervis', 'pretrain'],
    });
  });

  it('splits on punctuation and keeps non-Latin letters', () => {
    expect(analyze('(β-OPSD): σ-Mem, 2.5x')).toEqual(['opsd', 'βopsd', 'mem', 'σmem', '2', '5x', '25x']);
  });

  it('gives plain words unstemmed, with accents folded or kept for a database', () => {
    expect(words('Gómez’s GPT-4 Training, ﬁne')).toEqual(['gomez', 's', 'gpt', '4', 'training', 'fine']);
    expect(words('Gómez’s GPT-4 Training, ﬁne', { keepAccents: true })).toEqual(['gómez', 's', 'gpt', '4', 'training', 'fine']);
    expect(isStopWord('the')).toBe(true);
    expect(isStopWord('model')).toBe(false);
  });

  it('gives the distinct content terms, compounds as parts, numbers kept', () => {
    expect([...contentTerms('Trained models: GPT-4 and the trains of 2 models')]).toEqual(['train', 'model', 'gpt', '4', '2']);
  });

  it('drops the generic words of questions and abstracts only when asked', () => {
    const question = 'What results does the paper show on datasets?';
    expect([...contentTerms(question)]).toEqual(['result', 'paper', 'show', 'dataset']);
    expect([...contentTerms(question, { dropGeneric: true })]).toEqual(['dataset']);
  });
});
