import { describe, expect, it } from 'vitest';
import { createImageKey } from './create-image-key';
import { parseImageKey } from './parse-image-key';

describe('createImageKey / parseImageKey', () => {
  it('round-trips a content-addressed key', async () => {
    const bytes = new TextEncoder().encode('image');
    const { key, sha256 } = await createImageKey(bytes, 'png', new Date('2026-03-04T23:59:00Z'));
    expect(key).toBe(`images/2026/03/04/${sha256}.png`);
    expect(parseImageKey(key)).toEqual({ key, sha256, contentType: 'image/png' });
  });

  it('accepts nothing but exact keys', () => {
    const hash = 'a'.repeat(64);
    expect(parseImageKey(`images/2026/01/31/${hash}.jpg`)?.contentType).toBe('image/jpeg');
    for (const path of [
      `images/2026/01/31/${hash}.jpeg`,
      `images/2026/00/31/${hash}.png`,
      `images/2026/01/32/${hash}.png`,
      `images/2026/01/31/${hash.toUpperCase()}.png`,
      `images/2026/01/31/../${hash}.png`,
      `images/2026/01/31%2F${hash}.png`,
      `images/2026/01/31/${hash}.png/`,
      `/images/2026/01/31/${hash}.png`,
      `images/2026/01/31/${hash}a.png`,
    ]) {
      expect(parseImageKey(path), path).toBeUndefined();
    }
  });
});
