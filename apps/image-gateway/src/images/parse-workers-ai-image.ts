import {
  concatBytes,
  decodeBase64,
  GatewayError,
  sniffContentType,
  type WorkersAiResult,
} from '@workers-ai-gateways/core';

/** An image as Workers AI produced it, in memory (R2 needs a known length, see chand1012 #9). */
export interface GeneratedImage {
  bytes: Uint8Array;
  contentType: 'image/png' | 'image/jpeg';
  /** File extension of the stored object. */
  extension: 'png' | 'jpg';
}

// Far above any image Workers AI makes (2048×2048 PNG ≈ 12 MiB uncompressed); a body past it is
// not an image and is not buffered further.
const MAXIMUM_IMAGE_BYTES = 32 * 1024 * 1024;

/**
 * Reads the image out of an upstream result, whatever its shape: PNG bytes (the SD family,
 * `binary`) or `{image: "<base64>"}` (flux and Leonardo, `json`). The media type is sniffed from
 * the bytes, never trusted from a header. Anything that is not a PNG or JPEG is a 502: a client
 * never gets a placeholder or a broken image with status 200.
 */
export async function parseWorkersAiImage(result: WorkersAiResult, model: string): Promise<GeneratedImage> {
  let bytes: Uint8Array | undefined;
  if (result.kind === 'json') {
    const data = result.data as { image?: unknown } | null;
    const image = typeof data === 'object' && data !== null ? data.image : undefined;
    bytes = typeof image === 'string' ? decodeBase64(image) : undefined;
  } else {
    bytes = await readAll(result.body);
  }
  const contentType = bytes === undefined ? undefined : sniffContentType(bytes);
  if (bytes === undefined || (contentType !== 'image/png' && contentType !== 'image/jpeg')) {
    throw new GatewayError(
      502,
      'upstream_error',
      `Workers AI answered '${model}' without a PNG or JPEG image.`,
      {
        cause: { kind: result.kind, contentType },
      },
    );
  }
  if (!isComplete(bytes, contentType)) {
    // A body cut short in transit still starts like an image; served, it would show half a picture
    // (and a fallback chain would stop at it instead of trying its next model).
    throw new GatewayError(
      502,
      'upstream_error',
      `Workers AI answered '${model}' with an incomplete image.`,
      {
        cause: { kind: result.kind, contentType, bytes: bytes.byteLength },
      },
    );
  }
  return { bytes, contentType, extension: contentType === 'image/png' ? 'png' : 'jpg' };
}

// A PNG ends with its IEND chunk (length 0, type IEND, CRC AE 42 60 82); a JPEG with the EOI marker FF D9.
const PNG_END = Uint8Array.of(0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82);

function isComplete(bytes: Uint8Array, contentType: 'image/png' | 'image/jpeg'): boolean {
  if (contentType === 'image/png') {
    const tail = bytes.subarray(bytes.length - PNG_END.length);
    return tail.length === PNG_END.length && tail.every((byte, index) => byte === PNG_END[index]);
  }
  // Some encoders pad after EOI; the marker within the last bytes is enough.
  const tail = bytes.subarray(Math.max(0, bytes.length - 16));
  return tail.some((byte, index) => byte === 0xff && tail[index + 1] === 0xd9);
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAXIMUM_IMAGE_BYTES) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  } catch (error) {
    // The connection dropped half-way: the image is incomplete and must not be stored.
    throw new GatewayError(502, 'upstream_error', 'Workers AI stopped sending the image half-way.', {
      cause: error,
    });
  }
  return concatBytes(chunks);
}
