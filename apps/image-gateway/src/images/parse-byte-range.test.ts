import { describe, expect, it } from 'vitest';
import { parseByteRange } from './parse-byte-range';

describe('parseByteRange', () => {
  it('reads the three single-range forms', () => {
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ kind: 'partial', offset: 0, length: 10 });
    expect(parseByteRange('bytes=90-', 100)).toEqual({ kind: 'partial', offset: 90, length: 10 });
    expect(parseByteRange('bytes=-5', 100)).toEqual({ kind: 'partial', offset: 95, length: 5 });
    expect(parseByteRange('bytes=-500', 100)).toEqual({ kind: 'partial', offset: 0, length: 100 });
    expect(parseByteRange('bytes=50-999', 100)).toEqual({ kind: 'partial', offset: 50, length: 50 });
  });

  it('reports ranges past the end as unsatisfiable', () => {
    expect(parseByteRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores missing, malformed and multiple ranges', () => {
    for (const header of [null, 'bytes=', 'items=0-1', 'bytes=0-1,5-6', 'bytes=9-3', 'bytes=a-b']) {
      expect(parseByteRange(header, 100)).toEqual({ kind: 'whole' });
    }
  });
});
