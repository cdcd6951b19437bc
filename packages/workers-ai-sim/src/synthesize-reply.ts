/** A synthetic completion, word by word: the sim counts one word as one token. */
export interface SyntheticReply {
  reasoning: string[];
  answer: string[];
  finishReason: 'stop' | 'length';
}

const defaultLength = 12;
const filler = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit'];

/**
 * Builds "Simulated reply N from <model>: …" from the last user message. `[[tokens=N]]` in that message
 * asks for exactly N completion tokens (reasoning included), capped by `maxTokens` ("length").
 */
export function synthesizeReply(options: {
  model: string;
  lastUserText: string;
  turn: number;
  maxTokens: number;
  reasoning: boolean;
}): SyntheticReply {
  const marker = /\[\[tokens=(\d+)\]\]/.exec(options.lastUserText);
  const target = marker?.[1] === undefined ? defaultLength : Number(marker[1]);
  const userWords = options.lastUserText
    .replace(/\[\[[^\]]*\]\]/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  const reasoningCount = options.reasoning ? Math.min(5, Math.floor(target / 2)) : 0;
  const reasoningPool = ['Simulated', 'reasoning', 'about', 'reply', `${options.turn}.`];
  const answerPool = ['Simulated', 'reply', `${options.turn}`, 'from', `${options.model}:`, ...userWords];
  const answerCount = target - reasoningCount;
  const answer: string[] = [];
  for (let index = 0; index < answerCount; index++) {
    answer.push(answerPool[index] ?? filler[(index - answerPool.length) % filler.length] ?? 'lorem');
  }
  const words = [...reasoningPool.slice(0, reasoningCount), ...answer].slice(
    0,
    Math.max(0, options.maxTokens),
  );
  return {
    reasoning: words.slice(0, reasoningCount),
    answer: words.slice(reasoningCount),
    finishReason: options.maxTokens < target ? 'length' : 'stop',
  };
}
