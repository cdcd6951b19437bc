import type { GatewayConfig } from '../config/parse-config';
import type { DashboardOptions } from '../dashboard/dashboard-types';
import type { Task } from '../workers-ai/catalog/catalog-model';

/** What `GET /` needs to know about one gateway; the router renders the rest. */
export interface GatewayHome {
  /** The catalog tasks the gateway serves: the models its home page lists. */
  tasks: readonly Task[];
  /** The HTML dashboard browsers get (`Accept: text/html`). */
  renderDashboard: (options: DashboardOptions, config: GatewayConfig) => Promise<Response>;
  /**
   * The JSON every other client gets (curl, SDKs, DeepLX's banner): what the gateway is and how to
   * point a client at it. `models` are the IDs of the gateway's listed models.
   */
  describe: (context: { origin: string; config: GatewayConfig; models: readonly string[] }) => unknown;
}
