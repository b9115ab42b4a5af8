import { describe, expect, it } from 'vitest';
import { slackTextToPlain } from '../../../adapters/slack/incoming-text.js';
import { parseCommandText } from '../../../adapters/slack/listeners/slash-command.js';
import { questionText } from '../../../adapters/slack/listeners/thread-messages.js';

describe('incoming Slack text', () => {
  it('decodes entities and resolves mentions, channels and links', () => {
    expect(slackTextToPlain('a &lt; b &amp;&amp; c &gt; d, &amp;lt; stays')).toBe('a < b && c > d, &lt; stays');
    expect(slackTextToPlain('hi <@U1|ada> in <#C1|papers> <!here> <!subteam^S1|@ml-team>')).toBe('hi @ada in #papers @here @ml-team');
    expect(slackTextToPlain('<https://arxiv.org/abs/2406.01234> and <https://arxiv.org/abs/1|arxiv.org/abs/1>')).toBe(
      'https://arxiv.org/abs/2406.01234 and https://arxiv.org/abs/1',
    );
    expect(slackTextToPlain('<https://x.example/p|the paper>')).toBe('the paper (https://x.example/p)');
  });

  it('splits a command into sub-command and plain text', () => {
    expect(parseCommandText('  paper   <https://arxiv.org/abs/2406.01234v2> ')).toEqual({ name: 'paper', text: 'https://arxiv.org/abs/2406.01234v2' });
    expect(parseCommandText('')).toEqual({ name: '', text: '' }); // the core answers an empty name with help
    expect(parseCommandText('ask what is &lt;this&gt;?\nsecond line')).toEqual({ name: 'ask', text: 'what is <this>?\nsecond line' });
  });

  it('removes only the bot\'s own mention from a question', () => {
    expect(questionText('<@UBOT> does <@U2> agree?', 'UBOT')).toBe('does @U2 agree?');
    expect(questionText('<@UBOT|paperbot>   why?', 'UBOT')).toBe('why?');
  });
});
