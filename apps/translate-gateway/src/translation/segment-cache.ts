const CACHE_ORIGIN = 'https://translate-gateway.cache';
/** Translations do not go stale; a month keeps the cache from holding one-off pages forever. */
const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const encoder = new TextEncoder();

/** What identifies one cached translation. */
export interface SegmentKey {
  model: string;
  source: string;
  target: string;
  text: string;
  /**
   * What else shapes the translation (the LLM engine's target variant, formality, glossary id and
   * version, context); absent for m2m100, whose keys stay as they were.
   */
  settings?: string;
}

async function cacheUrl(key: SegmentKey): Promise<string> {
  const base = `${key.model}\n${key.source}\n${key.target}\n${key.text}`;
  const material = key.settings === undefined ? base : `${base}\n${key.settings}`;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(material)));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${CACHE_ORIGIN}/segment/v1/${hex}`;
}

/**
 * Translated segments in the Workers Cache API (`caches.default`), keyed by a SHA-256 of engine and
 * model, languages, settings and text, so repeated segments (menus, footers, Immersive re-sending a page) cost
 * no neurons. The cache is best effort: a failing lookup or store is a miss, never an error.
 * Note that on `*.workers.dev` hostnames Cloudflare's cache stores nothing; a custom domain does.
 */
export const segmentCache = {
  async get(key: SegmentKey): Promise<string | undefined> {
    try {
      const response = await caches.default.match(await cacheUrl(key));
      return response ? await response.text() : undefined;
    } catch {
      return undefined;
    }
  },
  async put(key: SegmentKey, translation: string): Promise<void> {
    try {
      const response = new Response(translation, {
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': `max-age=${MAX_AGE_SECONDS}`,
        },
      });
      await caches.default.put(await cacheUrl(key), response);
    } catch {
      // Best effort: the translation was already returned to the client.
    }
  },
};
