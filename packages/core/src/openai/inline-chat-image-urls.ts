import { GatewayError, invalidRequest } from '../errors/gateway-error';

/** Options of `inlineChatImageUrls`. */
export interface InlineChatImageOptions {
  /** Largest image fetched, in bytes (the image gateway's 10 MiB limit by default). */
  limit?: number;
  signal?: AbortSignal;
  /** The fetch to use; defaults to the global one, looked up per call so tests can stub it. */
  fetch?: typeof fetch;
}

const DEFAULT_LIMIT = 10 * 1024 * 1024;
const DATA_URL = /^data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\s]+$/i;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += step) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + step));
  }
  return btoa(binary);
}

async function fetchAsDataUrl(url: string, param: string, options: InlineChatImageOptions): Promise<string> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(url, {
      headers: { accept: 'image/*' },
      redirect: 'follow',
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch {
    if (options.signal?.aborted) throw options.signal.reason;
    throw invalidRequest(`The image at ${param} could not be downloaded.`, param);
  }
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!response.ok || !contentType.startsWith('image/')) {
    await response.body?.cancel();
    throw invalidRequest(
      `The image at ${param} could not be downloaded (HTTP ${response.status}, ${contentType || 'no content type'}).`,
      param,
    );
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw new GatewayError(413, 'request_too_large', `The image at ${param} is larger than ${limit} bytes.`, {
      param,
    });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > limit) {
    throw new GatewayError(413, 'request_too_large', `The image at ${param} is larger than ${limit} bytes.`, {
      param,
    });
  }
  return `data:${contentType};base64,${toBase64(bytes)}`;
}

/**
 * Rewrites the `image_url` parts of converted chat messages so every image is a `data:` URL:
 * Workers AI's vision models take images inline only ("HTTP URL will not be accepted", model
 * schemas of llama-4-scout and llama-3.2-vision), while OpenAI clients often send `https:` links.
 * Only `https:` is fetched (never plain http or other schemes, so the gateway cannot be used to
 * probe internal hosts over cleartext); `data:` URLs are checked to be base64 images. Images are
 * fetched in parallel; `param` in errors points at the client's part.
 */
export async function inlineChatImageUrls(
  messages: Record<string, unknown>[],
  options: InlineChatImageOptions = {},
): Promise<void> {
  const jobs: Promise<void>[] = [];
  messages.forEach((message, messageIndex) => {
    if (!Array.isArray(message.content)) return;
    message.content.forEach((part: unknown, partIndex) => {
      if (typeof part !== 'object' || part === null) return;
      const record = part as { type?: unknown; image_url?: { url?: unknown } };
      if (record.type !== 'image_url' || typeof record.image_url?.url !== 'string') return;
      const imageUrl = record.image_url;
      const url = String(imageUrl.url);
      const param = `messages[${messageIndex}].content[${partIndex}].image_url.url`;
      if (url.startsWith('data:')) {
        if (!DATA_URL.test(url))
          throw invalidRequest('Image data URLs must be data:image/<type>;base64,<data>.', param);
        return;
      }
      if (!url.startsWith('https://')) {
        throw invalidRequest('Image URLs must be https: or data: URLs.', param);
      }
      jobs.push(
        fetchAsDataUrl(url, param, options).then((dataUrl) => {
          imageUrl.url = dataUrl;
        }),
      );
    });
  });
  await Promise.all(jobs);
}
