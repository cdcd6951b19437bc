import { encodeBase64 } from './encode-base64';
import { encodeSilentMp3, mp3FrameSeconds } from './encode-silent-mp3';
import type { ModelFamily } from './model-catalog';
import type { ModelRequest, ModelRun } from './types';
import { validateInputs } from './validate-inputs';

// About 15 characters of speech a second: the silent audio lasts as long as reading the text would.
const charactersPerSecond = 15;

/** Text-to-speech: melotts answers `{audio: base64 MP3}`, aura raw audio/mpeg. */
export function runSpeechSynthesis(
  request: ModelRequest,
  family: Extract<ModelFamily, { kind: 'melotts' | 'aura' }>,
): ModelRun {
  const { inputs } = request;
  if (family.kind === 'melotts') {
    validateInputs(inputs, {
      required: ['prompt'],
      properties: {
        prompt: { type: 'string', minLength: 1 },
        lang: { type: 'string', enum: ['en', 'es', 'fr', 'zh', 'ja', 'ko'] },
      },
    });
    const { bytes, seconds } = silence(String(inputs.prompt));
    return {
      output: { kind: 'json', result: { audio: encodeBase64(bytes) } },
      neurons: (seconds / 60) * family.ratePerMinute,
    };
  }
  validateInputs(inputs, {
    required: ['text'],
    properties: {
      text: { type: 'string', minLength: 1 },
      speaker: { type: 'string', enum: family.speakers },
      encoding: { type: 'string', enum: ['linear16', 'flac', 'mulaw', 'alaw', 'mp3', 'opus', 'aac'] },
      container: { type: 'string', enum: ['none', 'wav', 'ogg'] },
      sample_rate: { type: 'integer', minimum: 8000, maximum: 48000 },
      bit_rate: { type: 'integer', minimum: 8000, maximum: 192000 },
    },
  });
  const text = String(inputs.text);
  // Always MP3, whatever `encoding` asks for: the gateways only request MP3 [simplification].
  const { bytes } = silence(text);
  return {
    output: { kind: 'binary', bytes, contentType: 'audio/mpeg' },
    neurons: (text.length / 1000) * family.ratePer1000Characters,
  };
}

function silence(text: string): { bytes: Uint8Array; seconds: number } {
  const frameCount = Math.max(1, Math.ceil(text.length / charactersPerSecond / mp3FrameSeconds));
  return { bytes: encodeSilentMp3(frameCount), seconds: frameCount * mp3FrameSeconds };
}
