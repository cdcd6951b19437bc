const CACHE_ORIGIN = 'https://translate-gateway.cache';
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

// Each key object's URL, computed once: a request looks a segment up and later stores its
// translation under the same key object (translate-texts.ts), and SHA-256 is most of what the
// gateway's cache keys cost (issue 17). Weak: a request's keys go with it.
const urls = new WeakMap<SegmentKey, Promise<string>>();

async function digestUrl(key: SegmentKey): Promise<string> {
  const base = `${key.model}\n${key.source}\n${key.target}\n${key.text}`;
  const material = key.settings === undefined ? base : `${base}\n${key.settings}`;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(material)));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${CACHE_ORIGIN}/segment/v1/${hex}`;
}

/**
 * The URL a segment's translation is cached under in `caches.default`: a SHA-256 of its key's
 * fields, one per line (settings only when there are any, so m2m100's keys never changed).
 * The same key object is hashed once.
 */
export function segmentCacheUrl(key: SegmentKey): Promise<string> {
  let url = urls.get(key);
  if (!url) {
    url = digestUrl(key);
    urls.set(key, url);
  }
  return url;
}
