import type { GatewayEnv, LedgerEnv } from '@workers-ai-gateways/core';
import type { GlossaryStore } from './glossaries/glossary-store';

/** translate-gateway's bindings: Workers AI (`AI`), the neuron ledger (`NEURON_LEDGER`) and the settings of SPEC §3. */
export interface Env extends GatewayEnv, LedgerEnv {
  /** `m2m100` (default) or `llm`: the engine a request uses unless it asks for one. */
  TRANSLATE_ENGINE?: string;
  /** The chat model (or alias) of the LLM engine; defaults to `DEFAULT_TRANSLATE_MODEL`. */
  TRANSLATE_MODEL?: string;
  /** DeepL glossaries, one Durable Object per client key. */
  GLOSSARIES?: DurableObjectNamespace<GlossaryStore>;
}
