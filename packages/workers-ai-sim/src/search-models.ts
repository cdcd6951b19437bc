import { hashText } from './hash-text';
import { type ModelEntry, modelCatalog } from './model-catalog';

/** A model a test adds to the search's list (`Simulator.listModel`), in the search's own terms. */
export interface ListedSearchModel {
  name: string;
  /** The task's display name, e.g. `Text Generation`. */
  task: string;
  description?: string;
  properties?: { property_id: string; value: string }[];
}

/** What a test changed in the search's list: models added, and names it no longer lists. */
export interface SearchListChanges {
  added: ListedSearchModel[];
  hidden: Set<string>;
}

/**
 * `GET /ai/models/search` in Cloudflare's shape, filtered by `task`, `search`, `page` and
 * `per_page` (the REST route's query, or the binding's `models()` parameters): the simulator's
 * models less those a test hid, plus those it added.
 */
export function searchModels(params: URLSearchParams, changes: SearchListChanges): unknown {
  const task = normalise(params.get('task') ?? '');
  const search = (params.get('search') ?? '').toLowerCase();
  const perPage = Math.max(1, Number(params.get('per_page')) || 100);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const all = [
    // A model a test lists anew replaces the simulator's own description of it.
    ...[...modelCatalog.values()]
      .filter(
        (entry) => !changes.hidden.has(entry.id) && !changes.added.some((added) => added.name === entry.id),
      )
      .map(describe),
    ...changes.added.map((model) => ({
      id: uuidFor(model.name),
      source: 1,
      name: model.name,
      description: model.description ?? '',
      task: { id: uuidFor(model.task), name: model.task, description: `${model.task} models.` },
      tags: [],
      properties: model.properties ?? [],
    })),
  ];
  const matches = all.filter(
    (entry) =>
      (task === '' || normalise(entry.task.name) === task) &&
      (search === '' || entry.name.toLowerCase().includes(search)),
  );
  const result = matches.slice((page - 1) * perPage, page * perPage);
  return {
    success: true,
    result,
    result_info: { count: result.length, page, per_page: perPage, total_count: matches.length },
    errors: [],
    messages: [],
  };
}

function describe(entry: ModelEntry) {
  const family = entry.family;
  const contextWindow = 'contextWindow' in family ? family.contextWindow : undefined;
  return {
    id: uuidFor(entry.id),
    source: 1,
    name: entry.id,
    description: entry.description,
    task: { id: uuidFor(entry.taskName), name: entry.taskName, description: `${entry.taskName} models.` },
    tags: [],
    properties: [
      ...(contextWindow === undefined
        ? []
        : [{ property_id: 'context_window', value: String(contextWindow) }]),
      ...(family.kind === 'sd-image' ? [{ property_id: 'beta', value: 'true' }] : []),
      ...(family.kind === 'openai-text' && family.paidOnly
        ? [{ property_id: 'require_workers_paid', value: 'true' }]
        : []),
    ],
  };
}

// "text-generation" and "Text Generation" name the same task.
function normalise(task: string): string {
  return task
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

function uuidFor(text: string): string {
  const hex = [0, 1, 2, 3].map((salt) => hashText(`${salt}:${text}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
