import { createImageKey } from './create-image-key';
import type { GeneratedImage } from './parse-workers-ai-image';

/** What `storeImage` records about the image besides its bytes. */
export interface StoredImageMetadata {
  model: string;
  prompt: string;
  requestId: string;
}

// Year-long and immutable: a key names exactly one content (its SHA-256), so it never changes.
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * Puts one image into R2 under its content-addressed key. The bytes are in memory, so R2 gets a
 * known length (a stream of unknown length fails: chand1012/openai-cf-workers-ai#9) and checks the
 * SHA-256 on arrival. The prompt itself is not stored, only its SHA-256: prompts can be personal,
 * and the hash still lets an operator match an image to a prompt they already know.
 */
export async function storeImage(
  bucket: R2Bucket,
  image: GeneratedImage,
  metadata: StoredImageMetadata,
  now: Date,
): Promise<{ key: string; sha256: string }> {
  const { key, sha256 } = await createImageKey(image.bytes, image.extension, now);
  const promptDigest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(metadata.prompt)),
  );
  await bucket.put(key, image.bytes, {
    sha256,
    httpMetadata: { contentType: image.contentType, cacheControl: IMMUTABLE_CACHE_CONTROL },
    customMetadata: {
      model: metadata.model,
      promptSha256: Array.from(promptDigest, (byte) => byte.toString(16).padStart(2, '0')).join(''),
      created: now.toISOString(),
      requestId: metadata.requestId,
    },
  });
  return { key, sha256 };
}
