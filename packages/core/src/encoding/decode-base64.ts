// workerd has the TC39 `Uint8Array.fromBase64` (V8 13.x): native, straight into bytes.
const nativeFromBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

/**
 * Decodes base64 as Workers AI returns it (an image's `{image}`, MeloTTS's `{audio}`), tolerating a
 * `data:` URL prefix, whitespace and the URL-safe alphabet. Returns `undefined` for text that is
 * not base64, so callers can report the upstream as faulty instead of throwing.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const payload = text.startsWith('data:') ? text.slice(text.indexOf(',') + 1) : text;
  const normalised = payload.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  try {
    return nativeFromBase64 === undefined ? decodeWithAtob(normalised) : nativeFromBase64(normalised);
  } catch {
    return undefined;
  }
}

/** The same decoding without `fromBase64`: `atob`, then one byte per character. Throws on bad text. */
export function decodeWithAtob(normalised: string): Uint8Array {
  const binary = atob(normalised);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
