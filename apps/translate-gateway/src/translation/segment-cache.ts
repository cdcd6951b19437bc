import { type SegmentKey, segmentCacheUrl } from './segment-cache-url';

export type { SegmentKey };

/** Translations do not go stale; a month keeps the cache from holding one-off pages forever. */
const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Translated segments in the Workers Cache API (`caches.default`), keyed by a SHA-256 of engine and
 * model, languages, settings and text, so repeated segments (menus, footers, Immersive re-sending a page) cost
 * no neurons. The cache is best effort: a failing lookup or store is a miss, never an error.
 * Note that on `*.workers.dev` hostnames Cloudflare's cache stores nothing; a custom domain does.
 */
export const segmentCache = {
  async get(key: SegmentKey): Promise<string | undefined> {
    try {
      const response = await caches.default.match(await segmentCacheUrl(key));
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
      await caches.default.put(await segmentCacheUrl(key), response);
    } catch {
      // Best effort: the translation was already returned to the client.
    }
  },
};
