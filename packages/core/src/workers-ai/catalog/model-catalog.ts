import type { CatalogModel } from './catalog-model';
import { EMBEDDING_MODELS } from './models/embeddings';
import { IMAGE_MODELS } from './models/images';
import { REMOVED_MODELS } from './models/removed';
import { SPEECH_RECOGNITION_MODELS, TEXT_TO_SPEECH_MODELS } from './models/speech';
import { TEXT_GENERATION_MODELS } from './models/text-generation';
import { TRANSLATION_MODELS } from './models/translation';

/*
 * Sources (checked 2026 against the stored cloudflare-docs repository and developer docs):
 * - model pages / JSON: https://developers.cloudflare.com/workers-ai/models/<name>/ and
 *   https://github.com/cloudflare/cloudflare-docs/tree/production/src/content/workers-ai-models
 *   (context_window, function_calling, reasoning, vision, require_workers_paid, price, schemas).
 * - prices: https://developers.cloudflare.com/workers-ai/platform/pricing/ — neuron figures are
 *   taken from that page where it lists them; otherwise derived from the model page's dollar price
 *   at $0.011 per 1,000 neurons (dollars × 90,909.09 = neurons), which rounds to a few neurons.
 * - removals: https://developers.cloudflare.com/changelog/post/2026-05-08-planned-model-deprecations/
 *   (18 models removed 2026-05-30) and the 2025-10-01 removal of `@hf/thebloke/*` and other
 *   community models listed in reference/workers-ai-facts.md.
 * - paid-only: https://developers.cloudflare.com/changelog/post/2026-07-28-models-require-workers-paid/

/**
 * Every model the gateways know: the active and beta Workers AI models they serve, and every
 * removed model an old setup (such as the community guide) may still name, each with its
 * replacement. Order is the order `GET /v1/models` lists them in.
 */
export const MODEL_CATALOG: readonly CatalogModel[] = [
  ...TEXT_GENERATION_MODELS,
  ...EMBEDDING_MODELS,
  ...SPEECH_RECOGNITION_MODELS,
  ...TRANSLATION_MODELS,
  ...IMAGE_MODELS,
  ...TEXT_TO_SPEECH_MODELS,
  ...REMOVED_MODELS,
];
