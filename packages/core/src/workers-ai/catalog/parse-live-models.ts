import type { Task } from './catalog-model';

/** One model as Workers AI's live model search describes it, read tolerantly. */
export interface LiveModel {
  /** The Workers AI ID (the search's `name`), e.g. `@cf/meta/llama-3.1-8b-instruct-fast`. */
  id: string;
  /** The catalog task its task name maps to; undefined for a task no gateway knows. */
  task: Task | undefined;
  description: string;
  contextWindow?: number;
  tools: boolean;
  vision: boolean;
  reasoning: boolean;
  beta: boolean;
  /** `require_workers_paid`: answers 5035 on the Workers Free plan. */
  paidOnly: boolean;
  /** ISO date Cloudflare plans to remove it. */
  plannedDeprecationDate?: string;
}

const TASKS: Readonly<Record<string, Task>> = {
  'text generation': 'text-generation',
  'text embeddings': 'text-embeddings',
  'automatic speech recognition': 'automatic-speech-recognition',
  translation: 'translation',
  'text-to-image': 'text-to-image',
  'text to image': 'text-to-image',
  'text-to-speech': 'text-to-speech',
  'text to speech': 'text-to-speech',
  summarization: 'summarization',
  'image-to-text': 'image-to-text',
  'image to text': 'image-to-text',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function propertiesOf(model: Record<string, unknown>): Map<string, unknown> {
  const properties = new Map<string, unknown>();
  if (!Array.isArray(model.properties)) return properties;
  for (const property of model.properties) {
    if (isRecord(property) && typeof property.property_id === 'string') {
      properties.set(property.property_id, property.value);
    }
  }
  return properties;
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/**
 * Reads the models of Workers AI's model search (`GET /accounts/{id}/ai/models/search`'s
 * `result`, or the binding's `env.AI.models()`): `name`, `description`, `task.name` and the
 * `properties` list (`context_window`, `function_calling`, `vision`, `reasoning`, `beta`,
 * `planned_deprecation_date`, and `require_workers_paid` as public code reads it). Entries
 * without an `@cf/` or `@hf/` name are skipped; unknown properties are ignored. Never throws.
 */
export function parseLiveModels(result: unknown): LiveModel[] {
  if (!Array.isArray(result)) return [];
  const models: LiveModel[] = [];
  for (const model of result) {
    if (!isRecord(model) || typeof model.name !== 'string' || !/^@(?:cf|hf)\//.test(model.name)) continue;
    const properties = propertiesOf(model);
    const taskName = isRecord(model.task) && typeof model.task.name === 'string' ? model.task.name : '';
    const contextWindow = Number(properties.get('context_window'));
    const planned = properties.get('planned_deprecation_date');
    models.push({
      id: model.name,
      task: TASKS[taskName.trim().toLowerCase()],
      description: typeof model.description === 'string' ? model.description : '',
      ...(Number.isInteger(contextWindow) && contextWindow > 0 ? { contextWindow } : {}),
      tools: isTrue(properties.get('function_calling')),
      vision: isTrue(properties.get('vision')),
      reasoning: isTrue(properties.get('reasoning')),
      beta: isTrue(properties.get('beta')),
      paidOnly: isTrue(properties.get('require_workers_paid')),
      ...(typeof planned === 'string' && planned !== '' ? { plannedDeprecationDate: planned } : {}),
    });
  }
  return models;
}
