import { describe, expect, it } from 'vitest';
import { formatTranscription } from './format-transcription';
import type { Transcription } from './map-workers-ai-transcription';

const segment = { temperature: 0, avg_logprob: 0, compression_ratio: 1, no_speech_prob: 0 };
const transcription: Transcription = {
  text: 'Hello there. General Kenobi.',
  language: 'en',
  duration: 3725.5,
  segments: [
    { ...segment, start: 0, end: 1.25, text: ' Hello there.' },
    { ...segment, start: 3723.04, end: 3725.5, text: ' General Kenobi.' },
  ],
  words: [{ word: 'Hello', start: 0, end: 0.5 }],
};

async function render(format: 'srt' | 'vtt' | 'verbose_json', granularities: ('word' | 'segment')[] = []) {
  return formatTranscription(transcription, {
    format,
    granularities: new Set(granularities),
    task: 'transcribe',
  });
}

describe('formatTranscription', () => {
  it('numbers SubRip cues and writes hours with comma milliseconds', async () => {
    expect(await (await render('srt')).text()).toBe(
      '1\n00:00:00,000 --> 00:00:01,250\nHello there.\n\n2\n01:02:03,040 --> 01:02:05,500\nGeneral Kenobi.\n\n',
    );
  });

  it('writes WebVTT with dot milliseconds', async () => {
    const response = await render('vtt');
    expect(response.headers.get('content-type')).toContain('text/vtt');
    expect(await response.text()).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.250\nHello there.\n\n01:02:03.040 --> 01:02:05.500\nGeneral Kenobi.\n\n',
    );
  });

  it('includes words only when asked and names the language in full', async () => {
    const body = (await (await render('verbose_json', ['word'])).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ language: 'english', duration: 3725.5, words: transcription.words });
    expect(body).not.toHaveProperty('segments');
  });
});
