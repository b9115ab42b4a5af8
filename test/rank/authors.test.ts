import { describe, expect, it } from 'vitest';
import { findFollowed, nameKey, sameAuthor } from '../../src/rank/authors.js';

const same = (a: string, b: string) => sameAuthor(nameKey(a)!, nameKey(b)!);

describe('author matching', () => {
  it('tolerates case, accents, initials, particles and order', () => {
    expect(same('Yann LeCun', 'yann lecun')).toBe(true);
    expect(same('Y. LeCun', 'Yann LeCun')).toBe(true);
    expect(same('Yann LeCun', 'Yann Le Cun')).toBe(true);
    expect(same('LeCun, Yann', 'Yann LeCun')).toBe(true);
    expect(same('lecun', 'Yann LeCun')).toBe(true);
    expect(same('Jorg Frochte', 'Jörg Frochte')).toBe(true);
    expect(same('Karen Liu', 'C. Karen Liu')).toBe(true);
    expect(same('Kaiming He', 'He Kaiming')).toBe(true);
    expect(same('Zhaoheng Yin', 'Zhao-Heng Yin')).toBe(true);
  });

  it('does not confuse different people', () => {
    expect(same('Yann LeCun', 'Yves LeCun')).toBe(false);
    expect(same('A. Zisserman', 'Bob Zisserman')).toBe(false);
    expect(same('Pieter Abbeel', 'Pieter Abbott')).toBe(false);
  });

  it('finds the first followed author of a paper', () => {
    const followed = ['P. Abbeel', 'Andrew Zisserman'].map((n) => nameKey(n)!);
    expect(findFollowed(followed, ['Zhao-Heng Yin', 'Pieter Abbeel'])).toEqual({ author: 'Pieter Abbeel', index: 0 });
    expect(findFollowed(followed, ['Someone Else'])).toBeUndefined();
  });
});
