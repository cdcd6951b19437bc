// Exactly what `createImageKey` writes; anything else (`..`, `%2e`, `%2F`, upper case, other
// extensions, trailing bytes) fails before R2 is touched.
const IMAGE_KEY = /^images\/(\d{4})\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\/([0-9a-f]{64})\.(png|jpg)$/;

/**
 * Reads an image URL path (as sent, still percent-encoded, leading `/` removed) as an R2 key.
 * Returns `undefined` unless it is exactly a key `createImageKey` could have made.
 */
export function parseImageKey(
  path: string,
): { key: string; sha256: string; contentType: 'image/png' | 'image/jpeg' } | undefined {
  if (path.length > 100) return undefined;
  const match = IMAGE_KEY.exec(path);
  const sha256 = match?.[4];
  if (!match || sha256 === undefined) return undefined;
  return { key: path, sha256, contentType: match[5] === 'png' ? 'image/png' : 'image/jpeg' };
}
