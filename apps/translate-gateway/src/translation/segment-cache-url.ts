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

/**
 * The URL a segment's translation is cached under in `caches.default`: a SHA-256 of its key's
 * fields, one per line (settings only when there are any, so m2m100's keys never changed).
 */
export async function segmentCacheUrl(key: SegmentKey): Promise<string> {
  const base = `${key.model}\n${key.source}\n${key.target}\n${key.text}`;
  const material = key.settings === undefined ? base : `${base}\n${key.settings}`;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(material)));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${CACHE_ORIGIN}/segment/v1/${hex}`;
}
