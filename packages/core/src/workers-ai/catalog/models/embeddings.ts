import type { CatalogModel } from '../catalog-model';
import { embedding } from './catalog-builders';

/** Active text-embedding models. */
export const EMBEDDING_MODELS: readonly CatalogModel[] = [
  embedding(
    '@cf/baai/bge-small-en-v1.5',
    'bge',
    'BAAI general embedding, small (384 dimensions).',
    384,
    512,
    {
      kind: 'tokens',
      inputPerMillion: 1841,
      outputPerMillion: 0,
    },
  ),
  embedding('@cf/baai/bge-base-en-v1.5', 'bge', 'BAAI general embedding, base (768 dimensions).', 768, 512, {
    kind: 'tokens',
    inputPerMillion: 6058,
    outputPerMillion: 0,
  }),
  embedding(
    '@cf/baai/bge-large-en-v1.5',
    'bge',
    'BAAI general embedding, large (1024 dimensions).',
    1024,
    512,
    {
      kind: 'tokens',
      inputPerMillion: 18582,
      outputPerMillion: 0,
    },
  ),
  // bge-m3 takes `{text}` (or `{query, contexts}`) and no `pooling`, hence the plain family.
  embedding(
    '@cf/baai/bge-m3',
    'embedding',
    'BAAI M3: multilingual, multi-granularity embeddings.',
    1024,
    60000,
    {
      kind: 'tokens',
      inputPerMillion: 1075,
      outputPerMillion: 0,
    },
  ),
  embedding(
    '@cf/qwen/qwen3-embedding-0.6b',
    'embedding',
    'Qwen3 Embedding 0.6B, multilingual.',
    1024,
    undefined,
    {
      kind: 'tokens',
      inputPerMillion: 1075,
      outputPerMillion: 0,
    },
  ),
  embedding(
    '@cf/google/embeddinggemma-300m',
    'embedding',
    'EmbeddingGemma 300M, multilingual.',
    768,
    undefined,
    undefined,
  ),
];
