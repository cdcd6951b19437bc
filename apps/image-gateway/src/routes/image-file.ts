import { GatewayError, type GatewayRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { parseByteRange } from '../images/parse-byte-range';
import { parseImageKey } from '../images/parse-image-key';
import { IMMUTABLE_CACHE_CONTROL } from '../images/store-image';

/**
 * `GET`/`HEAD /images/<key>`: public (keys are SHA-256 names nobody can guess), so chat UIs can
 * show the image without a gateway key. The path must be exactly a key the gateway writes; it is
 * checked before R2 is touched, and R2 is never listed. Answers with a strong ETag (the content's
 * SHA-256), year-long immutable caching, 304 for `If-None-Match`, 206/416 for a single `Range`.
 */
export async function imageFile(request: GatewayRequest, env: Env): Promise<Response> {
  const image = parseImageKey(new URL(request.url).pathname.slice(1));
  const bucket = env.IMAGES;
  if (image === undefined || bucket === undefined) throw notFound();
  const etag = `"${image.sha256}"`;
  const headers = new Headers({
    etag,
    'cache-control': IMMUTABLE_CACHE_CONTROL,
    'content-type': image.contentType,
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
  });
  const ifNoneMatch = request.headers.get('if-none-match');
  const rangeHeader = request.headers.get('range');
  const isHead = request.method === 'HEAD';
  const plainGet = !isHead && ifNoneMatch === null && rangeHeader === null;
  if (plainGet) {
    const object = await bucket.get(image.key);
    if (object === null) throw notFound();
    headers.set('content-length', String(object.size));
    headers.set('last-modified', object.uploaded.toUTCString());
    return new Response(object.body, { headers });
  }

  const head = await bucket.head(image.key);
  if (head === null) throw notFound();
  headers.set('last-modified', head.uploaded.toUTCString());
  if (ifNoneMatch !== null && matchesEtag(ifNoneMatch, image.sha256)) {
    headers.delete('content-type');
    return new Response(null, { status: 304, headers });
  }
  if (isHead) {
    headers.set('content-length', String(head.size));
    return new Response(null, { headers });
  }
  // If-Range: a range is only honoured against the representation the client already has.
  const ifRange = request.headers.get('if-range');
  const useRange = ifRange === null || ifRange.trim() === etag;
  const range = parseByteRange(useRange ? rangeHeader : null, head.size);
  if (range.kind === 'unsatisfiable') {
    return new Response(null, {
      status: 416,
      headers: { 'content-range': `bytes */${head.size}`, 'cache-control': 'no-store' },
    });
  }
  const object =
    range.kind === 'partial'
      ? await bucket.get(image.key, { range: { offset: range.offset, length: range.length } })
      : await bucket.get(image.key);
  if (object === null) throw notFound();
  if (range.kind === 'whole') {
    headers.set('content-length', String(object.size));
    return new Response(object.body, { headers });
  }
  headers.set('content-length', String(range.length));
  headers.set('content-range', `bytes ${range.offset}-${range.offset + range.length - 1}/${head.size}`);
  return new Response(object.body, { status: 206, headers });
}

// RFC 9110 §13.1.2: a list of entity tags (weak comparison) or `*`.
function matchesEtag(header: string, sha256: string): boolean {
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === `"${sha256}"`);
}

function notFound(): GatewayError {
  return new GatewayError(404, 'not_found', 'No such image.');
}
