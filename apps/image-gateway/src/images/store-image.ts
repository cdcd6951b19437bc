import { createImageKey } from './create-image-key';
import type { GeneratedImage } from './parse-workers-ai-image';

/** What `storeImage` records about the image besides its bytes. */
export interface StoredImageMetadata {
  model: string;
  requestId: string;
}

// Year-long and immutable: a key names exactly one content (its SHA-256), so it never changes.
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * Puts one image into R2 under its content-addressed key. The bytes are in memory, so R2 gets a
 * known length (a stream of unknown length fails: chand1012/openai-cf-workers-ai#9) and checks the
 * SHA-256 on arrival. Nothing derived from the prompt is stored: prompts can be personal, and even
 * a hash of one lets whoever reads the bucket test a list of guessed prompts. The request ID ties
 * an image to its request's log line instead.
 */
export async function storeImage(
  bucket: R2Bucket,
  image: GeneratedImage,
  metadata: StoredImageMetadata,
  now: Date,
): Promise<{ key: string; sha256: string }> {
  const { key, sha256 } = await createImageKey(image.bytes, image.extension, now);
  await bucket.put(key, image.bytes, {
    sha256,
    httpMetadata: { contentType: image.contentType, cacheControl: IMMUTABLE_CACHE_CONTROL },
    customMetadata: {
      model: metadata.model,
      created: now.toISOString(),
      requestId: metadata.requestId,
    },
  });
  return { key, sha256 };
}
