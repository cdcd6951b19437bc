import { encodeBase64 } from './encode-base64';
import { encodeSilentAac } from './encode-silent-aac';
import { encodeSilentFlac } from './encode-silent-flac';
import { encodeSilentMp3, mp3FrameSeconds } from './encode-silent-mp3';
import { encodeSilentOggOpus } from './encode-silent-ogg-opus';
import { encodeSilentWav } from './encode-silent-wav';
import type { ModelFamily } from './model-catalog';
import { SimulatorError } from './simulator-error';
import type { ModelRequest, ModelRun } from './types';
import { validateInputs } from './validate-inputs';

// About 15 characters of speech a second: the silent audio lasts as long as reading the text would.
const charactersPerSecond = 15;

/** Text-to-speech: melotts answers `{audio: base64 MP3}`, aura raw audio in the encoding and container asked. */
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
  const seconds = silenceFrames(text) * mp3FrameSeconds;
  const audio = encodeAura(
    String(inputs.encoding ?? 'mp3'),
    typeof inputs.container === 'string' ? inputs.container : undefined,
    typeof inputs.sample_rate === 'number' ? inputs.sample_rate : undefined,
    seconds,
  );
  return {
    output: { kind: 'binary', bytes: audio.bytes, contentType: audio.contentType },
    neurons: (text.length / 1000) * family.ratePer1000Characters,
  };
}

/**
 * Silent audio as Deepgram's TTS encodes it for `encoding` and `container`
 * (https://developers.deepgram.com/docs/tts-media-output-settings): linear16, mulaw and alaw in
 * a WAV (default) or bare; opus in Ogg (default) or bare packets; mp3, flac and aac in their own
 * framing, with no container. Other combinations are refused, as Deepgram refuses them.
 */
function encodeAura(
  encoding: string,
  container: string | undefined,
  sampleRate: number | undefined,
  seconds: number,
): { bytes: Uint8Array; contentType: string } {
  const refuse = () =>
    new SimulatorError(
      5006,
      `Bad input: container '${container}' is not available for encoding '${encoding}'`,
    );
  switch (encoding) {
    case 'linear16':
    case 'mulaw':
    case 'alaw': {
      if (container !== undefined && container !== 'wav' && container !== 'none') throw refuse();
      const rate = sampleRate ?? (encoding === 'linear16' ? 24000 : 8000);
      const wrapped = container !== 'none';
      return {
        bytes: encodeSilentWav(encoding, rate, seconds, wrapped),
        contentType: wrapped ? 'audio/wav' : 'application/octet-stream',
      };
    }
    case 'opus': {
      if (container !== undefined && container !== 'ogg' && container !== 'none') throw refuse();
      if (container === 'none') {
        return {
          bytes: new Uint8Array(Math.max(1, Math.ceil(seconds / 0.02))).fill(0xf8),
          contentType: 'audio/opus',
        };
      }
      return { bytes: encodeSilentOggOpus(seconds), contentType: 'audio/ogg' };
    }
    case 'flac':
    case 'aac':
    case 'mp3': {
      if (container !== undefined && container !== 'none') throw refuse();
      if (encoding === 'flac')
        return { bytes: encodeSilentFlac(sampleRate ?? 48000, seconds), contentType: 'audio/flac' };
      if (encoding === 'aac')
        return { bytes: encodeSilentAac(sampleRate ?? 24000, seconds), contentType: 'audio/aac' };
      return { bytes: silenceFor(seconds), contentType: 'audio/mpeg' };
    }
    default:
      throw refuse();
  }
}

function silenceFor(seconds: number): Uint8Array {
  return encodeSilentMp3(Math.max(1, Math.round(seconds / mp3FrameSeconds)));
}

function silenceFrames(text: string): number {
  return Math.max(1, Math.ceil(text.length / charactersPerSecond / mp3FrameSeconds));
}

function silence(text: string): { bytes: Uint8Array; seconds: number } {
  const frameCount = silenceFrames(text);
  return { bytes: encodeSilentMp3(frameCount), seconds: frameCount * mp3FrameSeconds };
}
