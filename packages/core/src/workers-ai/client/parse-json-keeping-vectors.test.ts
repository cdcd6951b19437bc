import { describe, expect, it } from 'vitest';
import { mapWorkersAiEmbeddingResponse } from '../../openai/map-workers-ai-embedding-response';
import { renderEmbeddingList } from '../../openai/render-embedding-list';
import { JsonVectorText, parseJsonKeepingVectors } from './parse-json-keeping-vectors';

/** The answer as the gateway printed it before vectors were kept as text: parse, then stringify. */
function parsedThenPrinted(text: string, encoding: 'float' | 'base64' = 'float'): string {
  const { result } = JSON.parse(text) as { result: unknown };
  const { vectors } = mapWorkersAiEmbeddingResponse(result, (result as { data: unknown[] }).data.length);
  return renderEmbeddingList({ vectors, encoding, model: '@cf/baai/bge-base-en-v1.5', promptTokens: 7 });
}

function spliced(text: string, encoding: 'float' | 'base64' = 'float'): string {
  const { result } = parseJsonKeepingVectors(text) as { result: unknown };
  const { vectors } = mapWorkersAiEmbeddingResponse(result, (result as { data: unknown[] }).data.length);
  return renderEmbeddingList({ vectors, encoding, model: '@cf/baai/bge-base-en-v1.5', promptTokens: 7 });
}

/** A REST envelope around vector texts written as given (any printer, any spacing). */
function envelope(vectorTexts: readonly string[], separator = ','): string {
  return `{"result":{"shape":[${vectorTexts.length},32],"data":[${vectorTexts.join(separator)}],"pooling":"mean"},"success":true,"errors":[],"messages":[]}`;
}

// Deterministic unit-ish values: the kind of numbers bge models return, printed by JavaScript.
function randomVector(seed: number, length = 32): number[] {
  let state = seed || 1;
  return Array.from({ length }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) / 0xffffffff) * 0.2 - 0.1;
  });
}

describe('parseJsonKeepingVectors', () => {
  it('keeps each vector as the text JSON.stringify prints, and parses the rest', () => {
    const vectors = [randomVector(1), randomVector(2)];
    const text = JSON.stringify({ result: { shape: [2, 32], data: vectors, pooling: 'cls' }, success: true });
    const parsed = parseJsonKeepingVectors(text) as {
      result: { shape: number[]; data: unknown[]; pooling: string };
    };
    expect(parsed.result.shape).toEqual([2, 32]);
    expect(parsed.result.pooling).toBe('cls');
    expect(parsed.result.data).toHaveLength(2);
    for (const [index, vector] of parsed.result.data.entries()) {
      expect(vector).toBeInstanceOf(JsonVectorText);
      expect((vector as JsonVectorText).text).toBe(JSON.stringify(vectors[index]));
      expect((vector as JsonVectorText).values()).toEqual(vectors[index]);
    }
  });

  it('answers byte for byte what parsing and printing did, for every way a number can be written', () => {
    const shortest = randomVector(3).map((value) => JSON.stringify(value));
    const odd = [
      '7e-05', // exponent where JS writes fixed notation
      '-1.2e-07', // JS writes -1.2e-7
      '1e-45',
      '3.4028234663852886e+38',
      '-0', // JS writes 0
      '-0.0',
      '1.0', // an integer with a fraction
      '0.00000012', // fixed notation where JS writes an exponent
      '2', // a plain integer
      '0.045166015625', // an fp16 value
      '0.10000000149011612', // a float32 widened to double, shortest for the double
      '1E-3',
    ];
    const cases = [
      // Every vector canonical but one odd number in the second: only that one is re-printed.
      [`[${shortest.join(',')}]`, `[${[...shortest.slice(0, 20), ...odd].join(',')}]`],
      // An odd number in the first vector too.
      [`[${[...odd, ...shortest].join(',')}]`, `[${shortest.join(',')}]`],
      // Spaces after commas (Python's json.dumps default).
      [`[${shortest.join(', ')}]`, `[ ${shortest.join(' ,')} ]`],
    ];
    for (const vectors of cases) {
      const text = envelope(vectors);
      expect(spliced(text)).toBe(parsedThenPrinted(text));
      expect(spliced(text, 'base64')).toBe(parsedThenPrinted(text, 'base64'));
    }
    expect(spliced(envelope(cases[0] as string[], ', '))).toBe(
      parsedThenPrinted(envelope(cases[0] as string[])),
    );
  });

  it('re-prints every vector when the upstream printer is not shortest-round-trip', () => {
    // %.17g-style: 0.1 as 0.10000000000000001, which JSON.stringify prints as 0.1; the first
    // vector gives the printer away even where later numbers happen to look canonical.
    const seventeen = (value: number) => value.toPrecision(17).replace(/0+$/, '');
    const first = randomVector(4).map(seventeen);
    const second = randomVector(5).map(seventeen);
    const text = envelope([`[${first.join(',')}]`, `[${second.join(',')}]`]);
    expect(spliced(text)).toBe(parsedThenPrinted(text));
    expect(spliced(text)).not.toContain(first[0]);
  });

  it('parses strings holding numbers in brackets, and short arrays, as JSON.parse does', () => {
    const vector = randomVector(6);
    const value = {
      result: { shape: [1, 32], data: [vector] },
      note: `see [${'1,'.repeat(40)}2] and [${vector.join(',')}]`,
      small: [1, 2, 3],
      nested: [[[0.5, 0.25]], []],
      escaped: 'a \u0000 b',
    };
    const text = JSON.stringify(value);
    const parsed = parseJsonKeepingVectors(text) as typeof value;
    expect(parsed.note).toBe(value.note);
    expect(parsed.small).toEqual([1, 2, 3]);
    expect(parsed.nested).toEqual([[[0.5, 0.25]], []]);
    expect(parsed.escaped).toBe(value.escaped);
    // A numeric array inside a string breaks the skeleton: the plain parse answers instead.
    const withoutNul = JSON.stringify({ ...value, escaped: 'plain' });
    expect(parseJsonKeepingVectors(withoutNul)).toEqual(JSON.parse(withoutNul));
    const inString = JSON.stringify({ note: `[${vector.join(',')}]`, result: { data: [vector] } });
    expect(parseJsonKeepingVectors(inString)).toEqual(JSON.parse(inString));
  });

  it('keeps a numeric-looking array that is not all numbers as parsed values', () => {
    const text = `{"data":[[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,"x"]]}`;
    expect(parseJsonKeepingVectors(text)).toEqual(JSON.parse(text));
  });

  it('throws what JSON.parse throws on text that is not JSON', () => {
    const broken = `{"result":{"data":[[${randomVector(7).join(',,')}]]}}`;
    expect(() => parseJsonKeepingVectors(broken)).toThrow(SyntaxError);
    expect(() => parseJsonKeepingVectors(`{"data":[[${randomVector(8).join(',')}]`)).toThrow(SyntaxError);
    expect(() => parseJsonKeepingVectors('not json')).toThrow(SyntaxError);
  });

  it('the mapper still refuses a vector holding something other than numbers', () => {
    const parsed = parseJsonKeepingVectors(envelope([`[${randomVector(9).join(',')}]`, '[1,"2"]'])) as {
      result: unknown;
    };
    expect(() => mapWorkersAiEmbeddingResponse(parsed.result, 2)).toThrow(/2 embeddings for 2 inputs/);
  });
});
