import { describe, expect, it } from 'vitest';
import { parseWorkersAiError } from './parse-workers-ai-error';

describe('parseWorkersAiError', () => {
  it('reads the REST error envelope', () => {
    const body = JSON.stringify({
      result: null,
      success: false,
      errors: [{ code: 5007, message: 'AiError: No such model @cf/x/y or task' }],
      messages: [],
    });
    expect(parseWorkersAiError({ source: 'rest', body })).toEqual({
      code: 5007,
      message: 'AiError: No such model @cf/x/y or task',
    });
  });

  it('tolerates string codes, codes only in the message and bodies that are not JSON', () => {
    expect(
      parseWorkersAiError({ source: 'rest', body: '{"errors":[{"code":"3040","message":"busy"}]}' }),
    ).toEqual({
      code: 3040,
      message: 'busy',
    });
    expect(parseWorkersAiError({ source: 'rest', body: '{"errors":[{"message":"4006: used up"}]}' })).toEqual(
      {
        code: 4006,
        message: 'used up',
      },
    );
    expect(
      parseWorkersAiError({ source: 'rest', body: '<html>502 Bad Gateway</html>' }).code,
    ).toBeUndefined();
    expect(parseWorkersAiError({ source: 'rest', body: '' }).message).not.toBe('');
  });

  it('reads the binding\'s "<code>: <message>" errors', () => {
    const error = new Error('4006: you have used up your daily free allocation of 10,000 neurons');
    expect(parseWorkersAiError({ source: 'binding', error })).toEqual({
      code: 4006,
      message: 'you have used up your daily free allocation of 10,000 neurons',
    });
  });

  it('reads AiError-like objects and errors whose message is JSON', () => {
    const aiError = Object.assign(new Error('No such model'), { name: 'AiError', code: 5007 });
    expect(parseWorkersAiError({ source: 'binding', error: aiError })).toEqual({
      code: 5007,
      message: 'No such model',
    });
    const jsonError = new Error('{"internalCode":3040,"name":"AiError","description":"Capacity exceeded"}');
    expect(parseWorkersAiError({ source: 'binding', error: jsonError })).toEqual({
      code: 3040,
      message: 'Capacity exceeded',
    });
  });

  it('never throws on odd values', () => {
    expect(parseWorkersAiError({ source: 'binding', error: undefined }).code).toBeUndefined();
    expect(parseWorkersAiError({ source: 'binding', error: 42 }).message).not.toBe('');
    expect(parseWorkersAiError({ source: 'binding', error: new Error('Unknown internal error') })).toEqual({
      message: 'Unknown internal error',
    });
  });
});
