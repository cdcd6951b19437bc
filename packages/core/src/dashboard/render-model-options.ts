import type { DashboardModel } from './dashboard-types';
import { escapeHtml } from './escape-html';

/**
 * `<option>`s for a playground's model picker: the models of `task` (all when it is left out,
 * and models of unknown task always), with `preferred` selected when it is listed.
 */
export function renderModelOptions(
  models: readonly DashboardModel[],
  preferred: string,
  task?: string,
): string {
  return models
    .filter((model) => task === undefined || model.task === undefined || model.task === task)
    .map((model) => {
      const id = escapeHtml(model.id);
      const selected = model.id === preferred ? ' selected' : '';
      const label = model.alias_for === undefined ? id : `${id} (${escapeHtml(model.alias_for)})`;
      return `<option value="${id}"${selected}>${label}</option>`;
    })
    .join('');
}
