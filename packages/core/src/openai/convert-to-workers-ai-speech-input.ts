import { invalidRequest } from '../errors/gateway-error';
import type { CatalogModel } from '../workers-ai/catalog/catalog-model';
import type { SpeechRequest } from './parse-speech-request';

/** The upstream inputs of a speech call and the media type of the audio it returns. */
export interface WorkersAiSpeechCall {
  inputs: Record<string, unknown>;
  family: 'aura' | 'melotts';
  contentType: string;
}

/*
 * OpenAI's voices matched to Aura speakers of a similar character (gender, register, accent),
 * from Deepgram's voice descriptions; a speaker name is also accepted as is. aura-2-es has only
 * Spanish voices, so OpenAI's female and male voices map to its female and male speakers.
 */
const AURA_VOICES: Record<string, Record<string, string>> = {
  '@cf/deepgram/aura-1': {
    alloy: 'asteria',
    ash: 'arcas',
    ballad: 'perseus',
    coral: 'luna',
    echo: 'orion',
    fable: 'helios',
    onyx: 'zeus',
    nova: 'stella',
    sage: 'athena',
    shimmer: 'hera',
    verse: 'orpheus',
    marin: 'luna',
    cedar: 'angus',
  },
  '@cf/deepgram/aura-2-en': {
    alloy: 'thalia',
    ash: 'arcas',
    ballad: 'apollo',
    coral: 'cora',
    echo: 'orion',
    fable: 'draco',
    onyx: 'jupiter',
    nova: 'luna',
    sage: 'athena',
    shimmer: 'aurora',
    verse: 'orpheus',
    marin: 'iris',
    cedar: 'atlas',
  },
  '@cf/deepgram/aura-2-es': {
    alloy: 'celeste',
    ash: 'alvaro',
    ballad: 'nestor',
    coral: 'carina',
    echo: 'sirio',
    fable: 'javier',
    onyx: 'aquila',
    nova: 'estrella',
    sage: 'diana',
    shimmer: 'selena',
    verse: 'nestor',
    marin: 'carina',
    cedar: 'sirio',
  },
};

const OPENAI_VOICES = new Set([
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'onyx',
  'nova',
  'sage',
  'shimmer',
  'verse',
  'marin',
  'cedar',
]);

/*
 * What Deepgram Aura can encode for each OpenAI format
 * (https://developers.cloudflare.com/workers-ai/models/aura-1/: encoding, container, sample_rate).
 * OpenAI's `pcm` is raw 24 kHz 16-bit little-endian mono, Aura's linear16 without a container.
 */
const AURA_FORMATS: Record<
  SpeechRequest['response_format'],
  { inputs: Record<string, unknown>; contentType: string }
> = {
  mp3: { inputs: {}, contentType: 'audio/mpeg' },
  opus: { inputs: { encoding: 'opus', container: 'ogg' }, contentType: 'audio/ogg' },
  aac: { inputs: { encoding: 'aac' }, contentType: 'audio/aac' },
  flac: { inputs: { encoding: 'flac' }, contentType: 'audio/flac' },
  wav: { inputs: { encoding: 'linear16', container: 'wav' }, contentType: 'audio/wav' },
  pcm: { inputs: { encoding: 'linear16', container: 'none', sample_rate: 24000 }, contentType: 'audio/pcm' },
};

/**
 * Builds the Workers AI inputs of a speech request. Aura (`tts-1-hd`) gets `text`, a `speaker`
 * mapped from the OpenAI voice and the encoding of `response_format`; MeloTTS (`tts-1`) has one
 * voice per language, so OpenAI voices use its default (English) and a MeloTTS language code
 * (`fr`, `es`, `zh`, `ja`, `ko`, `en`) sent as the voice picks that language. MeloTTS only makes
 * MP3. Unknown voices and formats the model cannot produce are 400s naming `voice` /
 * `response_format`.
 */
export function convertToWorkersAiSpeechInput(
  request: SpeechRequest,
  target: { model: string; entry: CatalogModel | undefined },
): WorkersAiSpeechCall {
  const { entry, model } = target;
  const voices = entry?.voices ?? [];
  const voice = request.voice.toLowerCase();
  if (entry?.family === 'melotts') {
    if (request.response_format !== 'mp3') {
      throw invalidRequest(
        `'${model}' only produces mp3; use tts-1-hd (Aura) for ${request.response_format}.`,
        'response_format',
      );
    }
    const language = voices.includes(voice)
      ? voice
      : OPENAI_VOICES.has(voice)
        ? (entry.defaultVoice ?? 'en')
        : undefined;
    if (language === undefined) {
      throw invalidRequest(
        `Unknown voice '${request.voice}': use an OpenAI voice or one of ${voices.join(', ')}.`,
        'voice',
      );
    }
    return {
      inputs: { prompt: request.input, lang: language },
      family: 'melotts',
      contentType: 'audio/mpeg',
    };
  }
  if (entry?.family === 'aura') {
    const speaker = voices.includes(voice) ? voice : AURA_VOICES[model]?.[voice];
    if (speaker === undefined) {
      throw invalidRequest(
        `Unknown voice '${request.voice}': use an OpenAI voice or one of ${voices.join(', ')}.`,
        'voice',
      );
    }
    const format = AURA_FORMATS[request.response_format];
    return {
      inputs: { text: request.input, speaker, ...format.inputs },
      family: 'aura',
      contentType: format.contentType,
    };
  }
  throw invalidRequest(`The model '${model}' is not a text-to-speech model this gateway can drive.`, 'model');
}
