import { hashText } from './hash-text';
import { modelCatalog } from './model-catalog';

/** `GET /ai/models/search` in Cloudflare's shape, filtered by `task`, `search`, `page` and `per_page`. */
export function searchModels(url: URL): unknown {
  const task = normalise(url.searchParams.get('task') ?? '');
  const search = (url.searchParams.get('search') ?? '').toLowerCase();
  const perPage = Math.max(1, Number(url.searchParams.get('per_page')) || 100);
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const matches = [...modelCatalog.values()].filter(
    (entry) =>
      (task === '' || normalise(entry.taskName) === task) &&
      (search === '' || entry.id.toLowerCase().includes(search)),
  );
  const result = matches.slice((page - 1) * perPage, page * perPage).map((entry) => {
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
      ],
    };
  });
  return {
    success: true,
    result,
    result_info: { count: result.length, page, per_page: perPage, total_count: matches.length },
    errors: [],
    messages: [],
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
