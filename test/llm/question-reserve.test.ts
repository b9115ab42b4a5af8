// A share of the daily token budget is kept for questions: digest work stops short of it,
// answers may use it.
import { describe, expect, it } from 'vitest';
import { BudgetExhaustedError, createTokenLedger } from '../../src/llm/token-ledger.js';
import { readConfig } from '../../src/config.js';
import { memoryKv } from './support/memory-kv.js';

describe('the question reserve', () => {
  it('digest calls stop at budget minus the reserve; question calls go on to the whole budget', async () => {
    const ledger = createTokenLedger({ kv: memoryKv(), dailyBudget: 1000, questionShare: 0.25 });
    expect(ledger.questionReserve).toBe(250);
    await ledger.record({ prompt: 700, completion: 0 }, 'chat');
    await expect(ledger.beforeCall()).resolves.toBeUndefined();
    await ledger.record({ prompt: 60, completion: 0 }, 'chat');
    await expect(ledger.beforeCall()).rejects.toBeInstanceOf(BudgetExhaustedError);
    await expect(ledger.questions.beforeCall()).resolves.toBeUndefined();
    await ledger.questions.record({ prompt: 200, completion: 40 }, 'chat');
    expect((await ledger.today()).prompt).toBe(960);
    await expect(ledger.questions.beforeCall()).rejects.toBeInstanceOf(BudgetExhaustedError);
  });

  it('defaults to a fifth of the budget, and nothing without a budget', () => {
    expect(createTokenLedger({ kv: memoryKv(), dailyBudget: 10_000 }).questionReserve).toBe(2000);
    expect(createTokenLedger({ kv: memoryKv() }).questionReserve).toBe(0);
  });

  it('reads PAPERBOT_QUESTION_BUDGET_SHARE', () => {
    expect(readConfig({ OPENAI_API_KEY: 'k', PAPERBOT_QUESTION_BUDGET_SHARE: '0.5' }).llm?.questionBudgetShare).toBe(0.5);
    expect(() => readConfig({ OPENAI_API_KEY: 'k', PAPERBOT_QUESTION_BUDGET_SHARE: '2' })).toThrow(/PAPERBOT_QUESTION_BUDGET_SHARE/);
  });
});
