/** The smallest shape of `env.AI` the gateways rely on: Workers AI's `run`. */
export interface AiBinding {
  run(model: string, inputs: unknown, options?: Record<string, unknown>): Promise<unknown>;
}

/**
 * Bindings and variables every gateway reads (SPEC §3). Each app extends this with its own
 * bindings (R2 bucket, Durable Object namespace).
 */
export interface GatewayEnv {
  AI?: AiBinding;
  GATEWAY_KEYS?: string;
  ALLOW_ANONYMOUS?: string;
  UPSTREAM_MODE?: string;
  CF_ACCOUNT_ID?: string;
  CF_API_TOKEN?: string;
  CF_API_BASE?: string;
  AI_GATEWAY_ID?: string;
  MODEL_ALIASES?: string;
  MODEL_FALLBACKS?: string;
  BUDGET_DOWNGRADE_AT?: string;
  WORKERS_PLAN?: string;
  DAILY_NEURON_BUDGET?: string;
  CORS_ORIGINS?: string;
  PUBLIC_IMAGE_BASE_URL?: string;
}
