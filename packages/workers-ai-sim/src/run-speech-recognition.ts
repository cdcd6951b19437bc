import { decodeBase64 } from './decode-base64';
import type { ModelFamily } from './model-catalog';
import { readAudioDuration } from './read-audio-duration';
import { SimulatorError } from './simulator-error';
import type { ModelRequest, ModelRun } from './types';
import { validateInputs } from './validate-inputs';

type SpeechFamily = Extract<ModelFamily, { kind: 'whisper' | 'whisper-turbo' | 'nova' }>;

// Deepgram query options that nova-3 accepts next to `audio` through the binding.
const novaOptions = [
  'channels',
  'custom_intent',
  'custom_intent_mode',
  'custom_topic',
  'custom_topic_mode',
  'detect_entities',
  'detect_language',
  'diarize',
  'dictation',
  'encoding',
  'extra',
  'filler_words',
  'keyterm',
  'keywords',
  'language',
  'measurements',
  'mip_opt_out',
  'mode',
  'multichannel',
  'numerals',
  'paragraphs',
  'profanity_filter',
  'punctuate',
  'redact',
  'replace',
  'search',
  'sentiment',
  'smart_format',
  'topics',
  'utterances',
  'utt_split',
];

/** Speech recognition for whisper, whisper-large-v3-turbo and nova-3: a transcript naming the duration. */
export async function runSpeechRecognition(request: ModelRequest, family: SpeechFamily): Promise<ModelRun> {
  const { inputs } = request;
  let bytes: Uint8Array;
  let language = 'en';
  let translate = false;
  if (family.kind === 'whisper-turbo') {
    validateInputs(inputs, {
      required: ['audio'],
      properties: {
        audio: { type: 'string' },
        task: { type: 'string', enum: ['transcribe', 'translate'] },
        language: { type: 'string' },
        vad_filter: { type: 'boolean' },
        initial_prompt: { type: 'string' },
        prefix: { type: 'string' },
        beam_size: { type: 'integer', minimum: 1 },
        condition_on_previous_text: { type: 'boolean' },
        no_speech_threshold: { type: 'number' },
        compression_ratio_threshold: { type: 'number' },
        log_prob_threshold: { type: 'number' },
        hallucination_silence_threshold: { type: 'number' },
      },
    });
    bytes = decodeBase64(String(inputs.audio), '/audio');
    language = typeof inputs.language === 'string' ? inputs.language : 'en';
    translate = inputs.task === 'translate';
  } else if (request.bytes) {
    bytes = request.bytes;
  } else if (family.kind === 'nova' || isStreamInput(inputs.audio)) {
    // workerd's binding sends `{audio: {body: ReadableStream, contentType}}` as the raw body, which
    // every raw-audio model takes; the simulator reads the object itself.
    validateInputs(inputs, {
      required: ['audio'],
      properties: {
        audio: { type: 'object' },
        ...(family.kind === 'nova'
          ? Object.fromEntries(novaOptions.map((key) => [key, { type: 'string-or-array' as const }]))
          : {}),
      },
    });
    const audio = inputs.audio as { body?: unknown };
    if (
      !(
        audio.body instanceof ReadableStream ||
        audio.body instanceof ArrayBuffer ||
        ArrayBuffer.isView(audio.body)
      )
    ) {
      throw new SimulatorError(5006, "required properties at '/audio' are 'body', 'contentType'");
    }
    bytes = new Uint8Array(await new Response(audio.body as BodyInit).arrayBuffer());
  } else {
    validateInputs(inputs, { required: ['audio'], properties: { audio: { type: 'array' } } });
    bytes = Uint8Array.from(inputs.audio as unknown[], (value) => Number(value) & 0xff);
  }
  if (bytes.length === 0) throw new SimulatorError(5006, "Array at '/audio' has fewer than 1 items");

  const duration = Math.round(readAudioDuration(bytes) * 1000) / 1000;
  const text = translate
    ? `Simulated English translation of ${duration.toFixed(1)} seconds of audio.`
    : `Simulated transcript of ${duration.toFixed(1)} seconds of audio.`;
  const words = timeWords(text, duration);
  const neurons = (duration / 60) * family.ratePerMinute;

  if (family.kind === 'nova') {
    const result = {
      results: {
        channels: [
          {
            alternatives: [
              {
                transcript: text,
                confidence: 0.99,
                words: words.map((word) => ({ ...word, confidence: 0.99 })),
              },
            ],
          },
        ],
      },
    };
    return { output: { kind: 'json', result }, neurons };
  }
  const vtt = `WEBVTT\n\n${formatTime(0)} --> ${formatTime(duration)}\n${text}\n\n`;
  if (family.kind === 'whisper') {
    return { output: { kind: 'json', result: { text, word_count: words.length, words, vtt } }, neurons };
  }
  const result = {
    transcription_info: {
      language: translate ? 'en' : language,
      language_probability: 0.99,
      duration,
      duration_after_vad: duration,
    },
    text,
    word_count: words.length,
    segments: [
      {
        start: 0,
        end: duration,
        text,
        temperature: 0,
        avg_logprob: -0.1,
        compression_ratio: 1,
        no_speech_prob: 0.01,
        words,
      },
    ],
    vtt,
  };
  return { output: { kind: 'json', result }, neurons };
}

function isStreamInput(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'body' in value;
}

function timeWords(text: string, duration: number): { word: string; start: number; end: number }[] {
  const words = text.split(' ');
  const step = duration / words.length;
  return words.map((word, index) => ({
    word,
    start: Math.round(index * step * 1000) / 1000,
    end: Math.round((index + 1) * step * 1000) / 1000,
  }));
}

function formatTime(seconds: number): string {
  const milliseconds = Math.round(seconds * 1000);
  const hours = Math.floor(milliseconds / 3600000);
  const minutes = Math.floor(milliseconds / 60000) % 60;
  const rest = (milliseconds % 60000) / 1000;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${rest.toFixed(3).padStart(6, '0')}`;
}
