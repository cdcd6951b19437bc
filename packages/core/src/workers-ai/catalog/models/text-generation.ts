import type { CatalogModel } from '../catalog-model';
import { chat, tokens } from './catalog-builders';

/** Active and beta text-generation models: the legacy schema first, then the OpenAI (vLLM-served) schema. */
export const TEXT_GENERATION_MODELS: readonly CatalogModel[] = [
  chat('@cf/meta/llama-3.1-8b-instruct-fast', 'Llama 3.1 8B Instruct, fast variant.', {
    // Context from https://developers.cloudflare.com/workers-ai/models/llama-3.1-8b-instruct-fast/;
    // the pricing page lists this model as `llama-3.1-8b-instruct-fp8-fast`.
    contextWindow: 128000,
    capabilities: { tools: true, jsonMode: true },
    prices: tokens(4119, 34868),
  }),
  chat(
    '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
    'Llama 3.3 70B quantized to fp8, optimized to be faster.',
    {
      contextWindow: 24000,
      capabilities: { tools: true, jsonMode: true },
      prices: tokens(26668, 204805),
    },
  ),
  chat('@cf/meta/llama-3.1-8b-instruct-fp8', 'Llama 3.1 8B Instruct quantized to fp8.', {
    contextWindow: 32000,
    capabilities: { tools: true },
    prices: tokens(13778, 26128),
  }),
  chat('@cf/meta/llama-3.2-1b-instruct', 'Llama 3.2 1B Instruct: the smallest, cheapest Llama.', {
    contextWindow: 60000,
    prices: tokens(2457, 18252),
  }),
  chat('@cf/meta/llama-3.2-3b-instruct', 'Llama 3.2 3B Instruct.', {
    contextWindow: 128000,
    prices: tokens(4625, 30475),
  }),
  chat(
    '@cf/meta/llama-3.2-11b-vision-instruct',
    'Llama 3.2 11B Vision Instruct (needs the Llama 3.2 agreement).',
    {
      contextWindow: 128000,
      capabilities: { jsonMode: true, vision: true },
      prices: tokens(4410, 61493),
    },
  ),
  chat('@cf/meta/llama-4-scout-17b-16e-instruct', 'Llama 4 Scout 17B, 16 experts, natively multimodal.', {
    contextWindow: 131000,
    capabilities: { tools: true, jsonMode: true, vision: true },
    prices: tokens(24545, 77273),
  }),
  chat(
    '@cf/mistralai/mistral-small-3.1-24b-instruct',
    'Mistral Small 3.1 24B with vision and 128k context.',
    {
      contextWindow: 128000,
      // JSON output goes through `guided_json`, not `response_format`, so JSON mode is off here.
      capabilities: { tools: true, vision: true },
      // $0.35 / $0.56 per million tokens.
      prices: tokens(31876, 50909),
    },
  ),
  chat('@cf/qwen/qwq-32b', 'QwQ 32B reasoning model of the Qwen series.', {
    contextWindow: 24000,
    capabilities: { reasoning: true },
    // $0.66 / $1.00 per million tokens.
    prices: tokens(60000, 90909),
  }),
  chat('@cf/qwen/qwen2.5-coder-32b-instruct', 'Qwen2.5 Coder 32B Instruct, code-specific.', {
    contextWindow: 32768,
    capabilities: { jsonMode: true },
    // $0.66 / $1.00 per million tokens.
    prices: tokens(60000, 90909),
  }),
  chat('@cf/deepseek-ai/deepseek-r1-distill-qwen-32b', 'DeepSeek-R1 distilled into Qwen 32B: reasoning.', {
    contextWindow: 80000,
    capabilities: { jsonMode: true, reasoning: true },
    prices: tokens(45170, 443756),
  }),
  chat('@cf/ibm-granite/granite-4.0-h-micro', 'IBM Granite 4.0 H Micro: small, strong at tool calling.', {
    contextWindow: 131000,
    capabilities: { tools: true },
    prices: tokens(1542, 10158),
  }),
  chat('@cf/meta/llama-guard-3-8b', 'Llama Guard 3 8B: classifies prompts and replies as safe or unsafe.', {
    contextWindow: 131072,
    capabilities: { jsonMode: true },
    prices: tokens(44003, 2730),
  }),
  // LoRA base models stay active after 2026-05-30; Cloudflare publishes no price for them.
  chat('@cf/google/gemma-2b-it-lora', 'Gemma 2B Instruct, LoRA base model.', {
    status: 'beta',
    contextWindow: 8192,
  }),
  chat('@cf/google/gemma-7b-it-lora', 'Gemma 7B Instruct, LoRA base model.', {
    status: 'beta',
    contextWindow: 3500,
  }),
  chat('@cf/meta-llama/llama-2-7b-chat-hf-lora', 'Llama 2 7B Chat, LoRA base model.', {
    status: 'beta',
    contextWindow: 8192,
  }),
  chat('@cf/mistral/mistral-7b-instruct-v0.2-lora', 'Mistral 7B Instruct v0.2, LoRA base model.', {
    status: 'beta',
    contextWindow: 15000,
  }),

  // ---- Text generation, OpenAI schema (vLLM-served) ----
  chat(
    '@cf/openai/gpt-oss-120b',
    "OpenAI's open-weight 120B model for general-purpose, high-reasoning use.",
    {
      family: 'openai-chat',
      contextWindow: 128000,
      capabilities: { tools: true, jsonMode: true, reasoning: true },
      prices: tokens(31818, 68182),
    },
  ),
  chat('@cf/openai/gpt-oss-20b', "OpenAI's open-weight 20B model for lower latency.", {
    family: 'openai-chat',
    contextWindow: 128000,
    capabilities: { tools: true, jsonMode: true, reasoning: true },
    prices: tokens(18182, 27273),
  }),
  chat('@cf/qwen/qwen3-30b-a3b-fp8', 'Qwen3 30B-A3B mixture-of-experts, fp8.', {
    family: 'openai-chat',
    contextWindow: 32768,
    // The model page documents `max_tokens` default 2000 for this model, not 256.
    defaultMaxTokens: 2000,
    capabilities: { tools: true, jsonMode: true, reasoning: true },
    prices: tokens(4625, 30475),
  }),
  chat('@cf/zai-org/glm-4.7-flash', 'GLM-4.7-Flash: fast multilingual model with multi-turn tool calling.', {
    family: 'openai-chat',
    contextWindow: 131072,
    capabilities: { tools: true, jsonMode: true, reasoning: true },
    prices: tokens(5500, 36400),
  }),
  chat(
    '@cf/google/gemma-4-26b-a4b-it',
    'Gemma 4 26B-A4B: efficient open model with vision and tool calling.',
    {
      family: 'openai-chat',
      contextWindow: 256000,
      capabilities: { tools: true, jsonMode: true, vision: true, reasoning: true },
      prices: tokens(9091, 27273),
    },
  ),
  chat('@cf/moonshotai/kimi-k2.6', 'Kimi K2.6: 1T-parameter agentic model with vision (Workers Paid only).', {
    family: 'openai-chat',
    contextWindow: 262144,
    capabilities: { tools: true, jsonMode: true, vision: true, reasoning: true },
    // $0.95 / $4.00 per million tokens, cached input $0.16.
    prices: tokens(86364, 363636, 14545),
    paidOnly: true,
  }),
];
