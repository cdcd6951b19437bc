import type { Segment } from './plan-texts';
import { type SegmentKey, segmentCache } from './segment-cache';

/** The segments still to translate after the cache, and the Cache API calls the lookup used. */
export interface CacheLookup {
  pending: Segment[];
  cacheCalls: number;
}

/**
 * Fills in what needs no model call: segments already in the target language keep their text,
 * and the first `maxLookups` others are looked up in the segment cache under `keyFor` (the rest are not, to
 * stay within the Cache API calls a request may make). Returns the segments left to translate.
 */
export async function lookupCachedSegments(
  segments: Iterable<Segment>,
  options: { target: string; keyFor: (segment: Segment) => SegmentKey; maxLookups: number },
): Promise<CacheLookup> {
  const toTranslate: Segment[] = [];
  for (const segment of segments) {
    // Same language in and out: nothing for the model to do.
    if (segment.source === options.target) segment.translation = segment.text;
    else toTranslate.push(segment);
  }
  const lookups = toTranslate.slice(0, options.maxLookups);
  await Promise.all(
    lookups.map(async (segment) => {
      segment.translation = await segmentCache.get(options.keyFor(segment));
    }),
  );
  return {
    pending: toTranslate.filter((segment) => segment.translation === undefined),
    cacheCalls: lookups.length,
  };
}
