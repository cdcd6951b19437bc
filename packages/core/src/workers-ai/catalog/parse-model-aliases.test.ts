import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../errors/gateway-error';
import { parseModelAliases } from './parse-model-aliases';

function errorOf(raw: string): GatewayError {
  try {
    parseModelAliases(raw);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

describe('parseModelAliases', () => {
  it('treats an unset or blank setting as no aliases', () => {
    expect(parseModelAliases(undefined)).toEqual({});
    expect(parseModelAliases('')).toEqual({});
    expect(parseModelAliases('   ')).toEqual({});
  });

  it('parses a JSON object of model names', () => {
    expect(parseModelAliases('{"gpt-4o": "@cf/google/gemma-4-26b-a4b-it", "fast": " gpt-4o-mini "}')).toEqual(
      {
        'gpt-4o': '@cf/google/gemma-4-26b-a4b-it',
        fast: 'gpt-4o-mini',
      },
    );
  });

  it('keeps a __proto__ key as a plain alias', () => {
    const aliases = parseModelAliases('{"__proto__": "@cf/x/y"}');
    expect(Object.hasOwn(aliases, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(aliases)).toBe(Object.prototype);
  });

  it.each([
    ['invalid JSON', '{gpt-4o: x}', 'invalid JSON'],
    ['an array', '["a", "b"]', 'an array'],
    ['a string', '"gpt-4o"', 'string'],
    ['null', 'null', 'object'],
    ['a number value', '{"gpt-4o": 4}', "'gpt-4o'"],
    ['an empty value', '{"gpt-4o": ""}', "'gpt-4o'"],
  ])('rejects %s with a 503 naming MODEL_ALIASES', (_label, raw, detail) => {
    const error = errorOf(raw);
    expect(error.status).toBe(503);
    expect(error.code).toBe('configuration_error');
    expect(error.message).toMatch(/^MODEL_ALIASES is not a JSON object of model names: /);
    expect(error.message).toContain(detail);
  });

  it('does not echo huge input', () => {
    const error = errorOf(`{${'x'.repeat(10_000)}`);
    expect(error.message.length).toBeLessThan(200);
  });
});
