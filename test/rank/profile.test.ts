import { describe, expect, it } from 'vitest';
import { profileFromSubscription } from '../../src/rank/profile.js';
import type { Paper, Subscription } from '../../src/types.js';

const sub: Subscription = {
  channel: { platform: 'console', channelId: 'c', key: 'console:c' },
  interests: '  diffusion models, video generation ',
  include: ['LoRA', ' ', 'LoRA', 'merging'],
  exclude: ['survey '],
  follow: ['Yann LeCun', ''],
  sources: [],
  size: 5,
  threshold: 0.1,
  schedule: { time: '09:00', tz: 'UTC', days: [1, 2, 3, 4, 5] },
  paused: false,
  quietDayNote: true,
  createdAt: '2026-01-01T00:00:00Z',
};
const paper: Paper = { id: '1', title: 't', abstract: 'a', authors: [], categories: [], links: {}, signals: {}, sources: [] };

describe('profileFromSubscription', () => {
  it('copies the settings, trimmed and without blanks or repeats, and keeps votes in order', () => {
    const votes = [
      { paper, value: 1 as const },
      { paper: { ...paper, id: '2' }, value: -1 as const },
    ];
    expect(profileFromSubscription(sub, votes, [paper])).toEqual({
      interests: 'diffusion models, video generation',
      include: ['LoRA', 'merging'],
      exclude: ['survey'],
      follow: ['Yann LeCun'],
      feedback: votes,
      examples: [paper],
    });
  });
});
