import { extractClientKey, GatewayError, type GatewayRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';

const DOMAIN = 'workers-ai-gateways/responses\u0000';

/** What the store keeps of one response. */
export interface StoredResponse {
  response: Record<string, unknown>;
  inputItems: Record<string, unknown>[];
  conversation: unknown[];
}

/** The caller's own store of responses (typed; the Durable Object speaks JSON text). */
export interface CallerResponseStore {
  save(record: StoredResponse & { id: string; createdAt: number; expiresAt: number }): Promise<void>;
  load(id: string): Promise<StoredResponse | undefined>;
  remove(id: string): Promise<boolean>;
  items(ids: string[]): Promise<Map<string, unknown>>;
}

async function digest(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(DOMAIN + text));
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function idsOf(items: unknown): { id: string; item: string }[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: { id?: unknown }) =>
    typeof item?.id === 'string' ? [{ id: item.id, item: JSON.stringify(item) }] : [],
  );
}

/**
 * The caller's own response store: the `ResponseStore` instance named by a digest of the key the
 * caller presented (the passthrough tenant's digest in passthrough mode; one shared store for
 * anonymous callers), so no key can reach another key's responses. A deployment without the
 * `RESPONSE_STORE` binding answers 503 for what needs it.
 */
export async function responseStoreFor(request: GatewayRequest, env: Env): Promise<CallerResponseStore> {
  const namespace = env.RESPONSE_STORE;
  if (namespace === undefined) {
    throw new GatewayError(
      503,
      'configuration_error',
      "Stored responses need the RESPONSE_STORE Durable Object binding (see wrangler.jsonc); send 'store: false' without it.",
    );
  }
  const caller = request.gateway.caller;
  const scope =
    caller?.kind === 'passthrough'
      ? `passthrough:${caller.tenant}`
      : caller?.kind === 'key'
        ? `key:${await digest(extractClientKey(request) ?? '')}`
        : 'anonymous';
  const stub = namespace.get(namespace.idFromName(scope));
  return {
    save: (record) =>
      stub.save({
        id: record.id,
        createdAt: record.createdAt,
        expiresAt: record.expiresAt,
        response: JSON.stringify(record.response),
        inputItems: JSON.stringify(record.inputItems),
        conversation: JSON.stringify(record.conversation),
        // Output items, then input items that carry an id: what `item_reference`s may name.
        items: [...idsOf(record.response.output), ...idsOf(record.inputItems)],
      }),
    load: async (id) => {
      const text = await stub.load(id);
      if (text === undefined) return undefined;
      return {
        response: JSON.parse(text.response),
        inputItems: JSON.parse(text.inputItems),
        conversation: JSON.parse(text.conversation),
      };
    },
    remove: (id) => stub.remove(id),
    items: async (ids) =>
      new Map(Object.entries(await stub.items(ids)).map(([id, item]) => [id, JSON.parse(item) as unknown])),
  };
}
