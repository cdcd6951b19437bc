import { describe, expect, it } from 'vitest';
import { estimateNeurons } from './estimate-neurons';
import { findModel } from './find-model';

// Expected values are written out from the published rates
// (https://developers.cloudflare.com/workers-ai/platform/pricing/).
describe('estimateNeurons', () => {
  it('prices tokens: llama-3.1-8b-instruct-fast (pricing page row "fp8-fast"), 1000 in + 500 out', () => {
    expect(
      estimateNeurons('@cf/meta/llama-3.1-8b-instruct-fast', { inputTokens: 1000, outputTokens: 500 }),
    ).toBeCloseTo((1000 * 4119) / 1e6 + (500 * 34868) / 1e6, 6);
  });

  it('accepts a catalog entry as well as an ID', () => {
    const entry = findModel('@cf/openai/gpt-oss-120b');
    if (entry === undefined) throw new Error('gpt-oss-120b missing from the catalog');
    expect(estimateNeurons(entry, { inputTokens: 2000, outputTokens: 1000 })).toBeCloseTo(
      (2000 * 31818) / 1e6 + (1000 * 68182) / 1e6,
      6,
    );
  });

  it('charges cached prompt tokens at the cached rate', () => {
    expect(
      estimateNeurons('@cf/moonshotai/kimi-k2.6', {
        inputTokens: 1000,
        outputTokens: 100,
        cachedTokens: 400,
      }),
    ).toBeCloseTo((600 * 86364) / 1e6 + (400 * 14545) / 1e6 + (100 * 363636) / 1e6, 6);
  });

  it('prices embeddings on input tokens only', () => {
    expect(
      estimateNeurons('@cf/baai/bge-base-en-v1.5', { inputTokens: 10_000, outputTokens: 0 }),
    ).toBeCloseTo((10_000 * 6058) / 1e6, 6);
  });

  it('prices audio per minute', () => {
    expect(estimateNeurons('@cf/openai/whisper-large-v3-turbo', { audioSeconds: 90 })).toBeCloseTo(
      1.5 * 46.63,
      6,
    );
    expect(estimateNeurons('@cf/openai/whisper', { audioSeconds: 30 })).toBeCloseTo(0.5 * 41.14, 6);
  });

  it('prices images per 512×512 tile and step', () => {
    // 1024×1024 = 2 × 2 tiles; 4 steps; two images.
    expect(
      estimateNeurons('@cf/black-forest-labs/flux-1-schnell', {
        width: 1024,
        height: 1024,
        steps: 4,
        images: 2,
      }),
    ).toBeCloseTo(2 * (4 * 4.8 + 4 * 9.6), 6);
    // 1120×1120 rounds up to 3 × 3 tiles.
    expect(
      estimateNeurons('@cf/leonardo/lucid-origin', { width: 1120, height: 1120, steps: 20 }),
    ).toBeCloseTo(9 * 636.36 + 20 * 12, 6);
    // FLUX.2 charges every output tile on every step: 4 tiles × 25 steps × 75.
    expect(
      estimateNeurons('@cf/black-forest-labs/flux-2-dev', { width: 1024, height: 1024, steps: 25 }),
    ).toBeCloseTo(4 * 25 * 75, 6);
  });

  it('prices speech per 1,000 characters', () => {
    expect(estimateNeurons('@cf/deepgram/aura-1', { characters: 500 })).toBeCloseTo(0.5 * 1363.64, 6);
    expect(estimateNeurons('@cf/deepgram/aura-2-en', { characters: 2000 })).toBeCloseTo(2 * 2727.27, 6);
  });

  it('costs nothing for the free Stable Diffusion beta models', () => {
    expect(
      estimateNeurons('@cf/stabilityai/stable-diffusion-xl-base-1.0', {
        width: 1024,
        height: 1024,
        steps: 20,
      }),
    ).toBe(0);
  });

  it('assumes the highest published rate of the task when the price is unknown', () => {
    const unknown = estimateNeurons('@cf/someone/new-llm', { inputTokens: 1000, outputTokens: 1000 });
    // Highest published input rate (kimi-k2.6, 86364) and output rate (deepseek-r1-distill, 443756).
    expect(unknown).toBeCloseTo((1000 * 86364) / 1e6 + (1000 * 443756) / 1e6, 6);
    const unpricedImage = estimateNeurons('@cf/black-forest-labs/flux-2-klein-4b', {
      width: 512,
      height: 512,
      steps: 4,
    });
    // Highest tile and step rates among tile-priced models: lucid-origin's 636.36 and 12.
    expect(unpricedImage).toBeCloseTo(636.36 + 4 * 12, 6);
  });

  it('converts characters to tokens for token-priced translation', () => {
    // 1000 characters ≈ 500 tokens at 2 characters per token.
    expect(estimateNeurons('@cf/meta/m2m100-1.2b', { characters: 1000 })).toBeCloseTo((500 * 31050) / 1e6, 6);
  });
});
