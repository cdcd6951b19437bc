import { GatewayError, invalidRequest } from '../errors/gateway-error';
import { isPublicHost } from './is-public-host';

/** Options of `inlineChatImageUrls`. */
export interface InlineChatImageOptions {
  /** Largest image fetched, in bytes (the image gateway's 10 MiB limit by default). */
  limit?: number;
  /** Most bytes downloaded for one request, all images together (20 MiB by default). */
  totalLimit?: number;
  /** Most `https:` images downloaded for one request (8 by default). */
  maxImages?: number;
  /** Milliseconds one request may spend downloading its images (10 s by default). */
  timeout?: number;
  /** The client's abort signal: a client that goes away stops the downloads. */
  signal?: AbortSignal;
  /** The fetch to use; defaults to the global one, looked up per call so tests can stub it. */
  fetch?: typeof fetch;
}

const DEFAULT_LIMIT = 10 * 1024 * 1024;
const DEFAULT_TOTAL_LIMIT = 20 * 1024 * 1024;
const DEFAULT_MAX_IMAGES = 8;
const DEFAULT_TIMEOUT = 10_000;
const MAX_REDIRECTS = 3;
const DATA_URL = /^data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\s]+$/i;

/** What one request's downloads share: the byte budget and the signal that stops them all. */
interface DownloadBudget {
  remaining: number;
  readonly signal: AbortSignal;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += step) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + step));
  }
  return btoa(binary);
}

/**
 * One message for every way a download can fail: the status, content type or reachability of
 * what a URL pointed at must not be readable from the answer (it would make the gateway a port
 * scanner for whatever it can reach).
 */
function unusable(param: string): GatewayError {
  return invalidRequest(`The image at ${param} could not be used.`, param);
}

function tooLarge(param: string, limit: number): GatewayError {
  return new GatewayError(413, 'request_too_large', `The images of this request exceed ${limit} bytes.`, {
    param,
  });
}

function publicHttpsUrl(location: string, base: string | undefined): URL | undefined {
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
  return isPublicHost(url.hostname) ? url : undefined;
}

/** Fetches `url`, following at most three redirects by hand, each to a public `https:` host. */
async function fetchPublicImage(url: string, param: string, budget: DownloadBudget, fetcher: typeof fetch) {
  let target = publicHttpsUrl(url, undefined);
  for (let redirects = 0; target !== undefined; redirects += 1) {
    const response = await fetcher(target.href, {
      headers: { accept: 'image/*' },
      redirect: 'manual',
      signal: budget.signal,
    });
    if (response.status < 300 || response.status > 399) return response;
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (location === null || redirects === MAX_REDIRECTS) break;
    target = publicHttpsUrl(location, target.href);
  }
  throw unusable(param);
}

/** Reads a body while counting, and stops at the image's or the request's limit. */
async function readLimited(
  body: ReadableStream<Uint8Array>,
  param: string,
  limit: number,
  budget: DownloadBudget,
  totalLimit: number,
): Promise<Uint8Array> {
  const reader = body.getReader();
  // The runtime's fetch ties its body to the signal; a body from elsewhere may not, so a timeout
  // or a client gone away also cancels the read here (a pending read then ends as done).
  const cancel = () => void reader.cancel().catch(() => undefined);
  budget.signal.addEventListener('abort', cancel);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (budget.signal.aborted) throw budget.signal.reason;
      if (done) break;
      size += value.byteLength;
      budget.remaining -= value.byteLength;
      if (size > limit || budget.remaining < 0) {
        await reader.cancel();
        throw tooLarge(param, size > limit ? limit : totalLimit);
      }
      chunks.push(value);
    }
  } finally {
    budget.signal.removeEventListener('abort', cancel);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function fetchAsDataUrl(
  url: string,
  param: string,
  options: InlineChatImageOptions,
  budget: DownloadBudget,
): Promise<string> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const totalLimit = options.totalLimit ?? DEFAULT_TOTAL_LIMIT;
  try {
    const response = await fetchPublicImage(url, param, budget, options.fetch ?? globalThis.fetch);
    const contentType =
      (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!response.ok || !contentType.startsWith('image/') || response.body === null) {
      await response.body?.cancel();
      throw unusable(param);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && (declared > limit || declared > budget.remaining)) {
      await response.body.cancel();
      throw tooLarge(param, declared > limit ? limit : totalLimit);
    }
    const bytes = await readLimited(response.body, param, limit, budget, totalLimit);
    return `data:${contentType};base64,${toBase64(bytes)}`;
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof GatewayError) throw error;
    throw unusable(param);
  }
}

/**
 * Rewrites the `image_url` parts of converted chat messages so every image is a `data:` URL:
 * Workers AI's vision models take images inline only ("HTTP URL will not be accepted", model
 * schemas of llama-4-scout and llama-3.2-vision), while OpenAI clients often send `https:` links.
 *
 * Downloading a client's URL is the one place the chat gateway fetches on someone's behalf, so
 * it is bounded: only `https:` to public hosts (never a loopback, private or link-local literal
 * address), redirects followed by hand (at most three, each checked the same way), at most eight
 * downloads and 20 MiB in all per request, bytes counted as they arrive (a chunked body cannot
 * slip past the limit), 10 s for all downloads together, joined with the client's abort. Every
 * failure says only that the image could not be used. `data:` URLs are checked to be base64
 * images; `param` in errors points at the client's part.
 */
export async function inlineChatImageUrls(
  messages: Record<string, unknown>[],
  options: InlineChatImageOptions = {},
): Promise<void> {
  const downloads: { imageUrl: { url?: unknown }; url: string; param: string }[] = [];
  const maxImages = options.maxImages ?? DEFAULT_MAX_IMAGES;
  messages.forEach((message, messageIndex) => {
    if (!Array.isArray(message.content)) return;
    message.content.forEach((part: unknown, partIndex) => {
      if (typeof part !== 'object' || part === null) return;
      const record = part as { type?: unknown; image_url?: { url?: unknown } };
      if (record.type !== 'image_url' || typeof record.image_url?.url !== 'string') return;
      const url = String(record.image_url.url);
      const param = `messages[${messageIndex}].content[${partIndex}].image_url.url`;
      if (url.startsWith('data:')) {
        if (!DATA_URL.test(url))
          throw invalidRequest('Image data URLs must be data:image/<type>;base64,<data>.', param);
        return;
      }
      if (!url.startsWith('https://')) {
        throw invalidRequest('Image URLs must be https: or data: URLs.', param);
      }
      if (downloads.length === maxImages) {
        throw invalidRequest(`At most ${maxImages} image URLs can be downloaded per request.`, param);
      }
      downloads.push({ imageUrl: record.image_url, url, param });
    });
  });
  if (downloads.length === 0) return;
  const timeout = AbortSignal.timeout(options.timeout ?? DEFAULT_TIMEOUT);
  const stop = new AbortController();
  const signals = [timeout, stop.signal, ...(options.signal === undefined ? [] : [options.signal])];
  const budget: DownloadBudget = {
    remaining: options.totalLimit ?? DEFAULT_TOTAL_LIMIT,
    signal: AbortSignal.any(signals),
  };
  try {
    await Promise.all(
      downloads.map(async (download) => {
        download.imageUrl.url = await fetchAsDataUrl(download.url, download.param, options, budget);
      }),
    );
  } finally {
    // One failed image ends the request: stop the other downloads rather than finish them.
    stop.abort();
  }
}
