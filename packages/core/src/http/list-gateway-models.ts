import type { Task } from '../workers-ai/catalog/catalog-model';
import { listModels } from '../workers-ai/catalog/list-models';
import type { ListedModel } from '../workers-ai/catalog/to-listed-model';
import { type GatewayRequest, requestConfig } from './gateway-request';
import { liveModelsFor } from './live-models-for';

/**
 * The models a gateway lists (`GET /v1/models`, its home page): the built-in catalog and aliases
 * of `tasks`, merged with Workers AI's live model list when there is one (`liveModelsFor`).
 */
export async function listGatewayModels(
  request: GatewayRequest,
  tasks: Task | readonly Task[],
): Promise<ListedModel[]> {
  const live = await liveModelsFor(request);
  return listModels({
    task: typeof tasks === 'string' ? tasks : [...tasks],
    aliases: requestConfig(request).modelAliases,
    ...(live === undefined ? {} : { live }),
  });
}
