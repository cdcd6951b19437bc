import { callWorker as callAnyWorker, gatewayTestEnv } from '@workers-ai-gateways/core/testing';
import type { Simulator } from '@workers-ai-gateways/workers-ai-sim';
import OpenAI from 'openai';
import worker from '../src/index';

/** The env every test starts from (core's `gatewayTestEnv`: the simulator as `env.AI`, key `test-key`). */
export function testEnv(
  simulator: Simulator,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return gatewayTestEnv(simulator, overrides);
}

/** Sends one request to this Worker's fetch handler, as the runtime would. */
export function callWorker(request: Request, environment: Record<string, unknown>): Promise<Response> {
  return callAnyWorker(worker, request, environment);
}

/** A plain fetch against the gateway at https://chat.test. */
export function gatewayFetch(environment: Record<string, unknown>) {
  return (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', 'Bearer test-key');
    return callWorker(new Request(`https://chat.test${path}`, { ...init, headers }), environment);
  };
}

/** The official openai SDK (v6) pointed at the gateway through its `fetch` option. */
export function openAiClient(environment: Record<string, unknown>, apiKey = 'test-key'): OpenAI {
  return new OpenAI({
    apiKey,
    baseURL: 'https://chat.test/v1',
    maxRetries: 0,
    fetch: (url, init) => callWorker(new Request(url, init as RequestInit), environment),
  });
}

/** A real 16 kHz mono 16-bit PCM WAV file: `seconds` of a 440 Hz sine tone. */
export function sineWav(seconds = 1, sampleRate = 16000): Uint8Array {
  const samples = Math.round(seconds * sampleRate);
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) bytes[offset + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let index = 0; index < samples; index++) {
    view.setInt16(
      44 + index * 2,
      Math.round(Math.sin((2 * Math.PI * 440 * index) / sampleRate) * 12000),
      true,
    );
  }
  return bytes;
}

/** Reads an OpenAI event stream into its `data:` payloads. */
export async function readEvents(response: Response): Promise<string[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => block.replace(/^data: /, ''));
}
