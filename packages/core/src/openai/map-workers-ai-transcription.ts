import { asRecord } from '../values/as-record';
/** One timed word. */
export interface TranscriptionWord {
  word: string;
  start: number;
  end: number;
}

/** One timed segment. */
export interface TranscriptionSegment {
  start: number;
  end: number;
  text: string;
  temperature: number;
  avg_logprob: number;
  compression_ratio: number;
  no_speech_prob: number;
}

/** A transcript, whatever speech model produced it. */
export interface Transcription {
  text: string;
  /** ISO code the model detected or was told, when known. */
  language: string | undefined;
  /** Seconds of audio. */
  duration: number;
  segments: TranscriptionSegment[];
  words: TranscriptionWord[];
}

function number(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function readWords(value: unknown): TranscriptionWord[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const record = asRecord(item) ?? {};
    const word =
      typeof record.word === 'string'
        ? record.word
        : typeof record.punctuated_word === 'string'
          ? record.punctuated_word
          : undefined;
    if (word === undefined) return [];
    return [{ word: word.trim(), start: number(record.start), end: number(record.end) }];
  });
}

function wholeSegment(text: string, start: number, end: number): TranscriptionSegment {
  return { start, end, text, temperature: 0, avg_logprob: 0, compression_ratio: 1, no_speech_prob: 0 };
}

/**
 * Normalises the three Workers AI speech-recognition outputs into one transcript:
 * whisper-large-v3-turbo (`transcription_info`, `segments[].words`), whisper / whisper-tiny-en
 * (`text`, `words`) and Deepgram nova-3 (`results.channels[0].alternatives[0]`). Models without
 * segments get one segment spanning the words, so srt, vtt and verbose_json always have timing.
 */
export function mapWorkersAiTranscription(data: unknown, language: string | undefined): Transcription {
  const record = asRecord(data) ?? {};
  const results = asRecord(record.results) ?? {};
  if (Array.isArray(results.channels)) {
    const alternatives = asRecord(results.channels[0])?.alternatives;
    const alternative = asRecord(Array.isArray(alternatives) ? alternatives[0] : undefined) ?? {};
    const text = typeof alternative.transcript === 'string' ? alternative.transcript : '';
    const words = readWords(alternative.words);
    const duration = number(asRecord(record.metadata)?.duration, words.at(-1)?.end ?? 0);
    return {
      text,
      language,
      duration,
      segments: text === '' ? [] : [wholeSegment(text, 0, duration)],
      words,
    };
  }
  const text = typeof record.text === 'string' ? record.text.trim() : '';
  const info = asRecord(record.transcription_info) ?? {};
  if (Array.isArray(record.segments)) {
    const segments: TranscriptionSegment[] = [];
    const words: TranscriptionWord[] = [];
    for (const item of record.segments) {
      const segment = asRecord(item) ?? {};
      segments.push({
        start: number(segment.start),
        end: number(segment.end),
        text: typeof segment.text === 'string' ? segment.text : '',
        temperature: number(segment.temperature),
        avg_logprob: number(segment.avg_logprob),
        compression_ratio: number(segment.compression_ratio, 1),
        no_speech_prob: number(segment.no_speech_prob),
      });
      words.push(...readWords(segment.words));
    }
    const duration = number(info.duration, segments.at(-1)?.end ?? 0);
    return {
      text,
      language: typeof info.language === 'string' ? info.language : language,
      duration,
      segments,
      words,
    };
  }
  const words = readWords(record.words);
  const duration = words.at(-1)?.end ?? 0;
  return { text, language, duration, segments: text === '' ? [] : [wholeSegment(text, 0, duration)], words };
}
