import type { CatalogModel } from '../catalog-model';
import { tokens } from './catalog-builders';

/** Active translation models. */
export const TRANSLATION_MODELS: readonly CatalogModel[] = [
  {
    id: '@cf/meta/m2m100-1.2b',
    task: 'translation',
    family: 'm2m100',
    description: 'M2M100 1.2B: many-to-many translation between 100 languages.',
    status: 'active',
    prices: tokens(31050, 31050),
  },
];
