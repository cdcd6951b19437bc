import { describe, expect, it } from 'vitest';
import { addChatUsage } from './add-chat-usage';
import { estimateChatUsage } from './estimate-chat-usage';
import { estimateTokens } from './estimate-tokens';
import { sumChatUsage } from './sum-chat-usage';

describe('usage arithmetic', () => {
  it('adds tokens, keeps cached tokens from either side and neurons only when both report them', () => {
    const first = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, neurons: 2 };
    const second = {
      prompt_tokens: 4,
      completion_tokens: 1,
      total_tokens: 5,
      prompt_tokens_details: { cached_tokens: 3 },
      neurons: 1,
    };
    expect(addChatUsage(first, second)).toEqual({
      prompt_tokens: 14,
      completion_tokens: 6,
      total_tokens: 20,
      prompt_tokens_details: { cached_tokens: 3 },
      neurons: 3,
    });
    expect(
      addChatUsage(first, { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }),
    ).not.toHaveProperty('neurons');
    expect(addChatUsage(undefined, first)).toEqual(first);
    expect(addChatUsage(undefined, first)).not.toBe(first);
  });

  it('sums a list, skipping calls that reported nothing', () => {
    expect(sumChatUsage([])).toBeUndefined();
    expect(sumChatUsage([undefined])).toBeUndefined();
    expect(
      sumChatUsage([
        { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3, neurons: 1 },
        undefined,
        { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
      ]),
    ).toEqual({ prompt_tokens: 2, completion_tokens: 4, total_tokens: 6 });
  });

  it('estimates four characters a token, rounding up', () => {
    expect(estimateTokens(0)).toBe(0);
    expect(estimateTokens(1)).toBe(1);
    expect(estimateTokens(8)).toBe(2);
    expect(estimateTokens(9)).toBe(3);
    expect(estimateChatUsage(9, 4)).toEqual({ prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 });
  });
});
