/**
 * Decodes base64 as Workers AI returns it (an image's `{image}`, MeloTTS's `{audio}`), tolerating a
 * `data:` URL prefix, whitespace and the URL-safe alphabet. Returns `undefined` for text that is
 * not base64, so callers can report the upstream as faulty instead of throwing.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const payload = text.startsWith('data:') ? text.slice(text.indexOf(',') + 1) : text;
  const normalised = payload.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(normalised);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
