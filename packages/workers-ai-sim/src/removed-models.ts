// The "Catalog changes" section of workers-ai-facts.md: models Workers AI answers with 410/5028.
const removedOn20251001 = [
  '@hf/thebloke/zephyr-7b-beta-awq',
  '@hf/thebloke/mistral-7b-instruct-v0.1-awq',
  '@hf/thebloke/llama-2-13b-chat-awq',
  '@hf/thebloke/openhermes-2.5-mistral-7b-awq',
  '@hf/thebloke/neural-chat-7b-v3-1-awq',
  '@hf/thebloke/llamaguard-7b-awq',
  '@hf/thebloke/deepseek-coder-6.7b-base-awq',
  '@hf/thebloke/deepseek-coder-6.7b-instruct-awq',
  '@cf/deepseek-ai/deepseek-math-7b-instruct',
  '@cf/openchat/openchat-3.5-0106',
  '@cf/tiiuae/falcon-7b-instruct',
  '@cf/thebloke/discolm-german-7b-v1-awq',
  '@cf/qwen/qwen1.5-0.5b-chat',
  '@cf/qwen/qwen1.5-1.8b-chat',
  '@cf/qwen/qwen1.5-7b-chat-awq',
  '@cf/qwen/qwen1.5-14b-chat-awq',
  '@cf/tinyllama/tinyllama-1.1b-chat-v1.0',
  '@hf/nexusflow/starling-lm-7b-beta',
  '@cf/fblgit/una-cybertron-7b-v2-bf16',
];
const removedOn20260530 = [
  '@cf/moonshotai/kimi-k2.5',
  '@hf/meta-llama/meta-llama-3-8b-instruct',
  '@cf/meta/llama-3-8b-instruct',
  '@cf/meta/llama-3-8b-instruct-awq',
  '@cf/meta/llama-3.1-8b-instruct',
  '@cf/meta/llama-3.1-8b-instruct-awq',
  '@cf/meta/llama-3.1-70b-instruct',
  '@cf/meta/llama-2-7b-chat-int8',
  '@cf/meta/llama-2-7b-chat-fp16',
  '@cf/meta-llama/llama-2-7b-chat-hf-lora',
  '@cf/mistral/mistral-7b-instruct-v0.1',
  '@hf/mistral/mistral-7b-instruct-v0.2',
  '@hf/google/gemma-7b-it',
  '@cf/google/gemma-3-12b-it',
  '@hf/nousresearch/hermes-2-pro-mistral-7b',
  '@cf/microsoft/phi-2',
  '@cf/defog/sqlcoder-7b-2',
  '@cf/unum/uform-gen2-qwen-500m',
  '@cf/facebook/bart-large-cnn',
];

const removalDates = new Map<string, string>([
  ...removedOn20251001.map((id): [string, string] => [id, '2025-10-01']),
  ...removedOn20260530.map((id): [string, string] => [id, '2026-05-30']),
]);

/** The date a removed model was deprecated, or undefined for a model that was never removed. */
export function findRemovalDate(model: string): string | undefined {
  // Every @hf/thebloke model went, including ones this list does not name.
  return removalDates.get(model) ?? (model.startsWith('@hf/thebloke/') ? '2025-10-01' : undefined);
}
