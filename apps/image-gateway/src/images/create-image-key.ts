/**
 * The R2 key of an image: `images/YYYY/MM/DD/<sha256>.<png|jpg>` (UTC date). Content-addressed:
 * the same bytes on the same day share one object, and keys cannot be guessed without the
 * image. Returns the key and the hex SHA-256, which doubles as the strong ETag.
 */
export async function createImageKey(
  bytes: Uint8Array,
  extension: 'png' | 'jpg',
  now: Date = new Date(),
): Promise<{ key: string; sha256: string }> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const sha256 = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  const date = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return { key: `images/${date}/${sha256}.${extension}`, sha256 };
}
