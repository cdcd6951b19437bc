import { expect } from 'vitest';
import { encodeBase64 } from '../encoding/encode-base64';
import { cspDirective } from './csp-directive';

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${encodeBase64(new Uint8Array(digest))}'`;
}

/**
 * Asserts that a dashboard response allows exactly its own inline script and style by hash,
 * loads nothing from elsewhere, and is served as HTML that caches keep apart from the JSON answer.
 */
export async function expectSelfContainedPage(response: Response): Promise<void> {
  const html = await response.text();
  const policy = response.headers.get('content-security-policy') ?? '';
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
  expect(scripts).toHaveLength(1);
  expect(styles).toHaveLength(1);
  expect(cspDirective(policy, 'script-src')).toBe(await sha256(scripts[0] ?? ''));
  expect(cspDirective(policy, 'style-src')).toBe(await sha256(styles[0] ?? ''));
  expect(cspDirective(policy, 'default-src')).toBe("'none'");
  expect(cspDirective(policy, 'connect-src')).toBe("'self'");
  expect(policy).not.toContain('unsafe');
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('vary')).toBe('Accept');
  // No external resource of any kind.
  expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
}
