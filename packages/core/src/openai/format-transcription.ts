import type { Transcription } from './map-workers-ai-transcription';
import type { TranscriptionFormat } from './parse-transcription-request';

function timestamp(seconds: number, separator: ',' | '.'): string {
  const milliseconds = Math.max(0, Math.round(seconds * 1000));
  const hours = Math.floor(milliseconds / 3_600_000);
  const minutes = Math.floor(milliseconds / 60_000) % 60;
  const wholeSeconds = Math.floor(milliseconds / 1000) % 60;
  const rest = milliseconds % 1000;
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(wholeSeconds)}${separator}${pad(rest, 3)}`;
}

function languageName(code: string | undefined): string {
  if (code === undefined) return 'english';
  try {
    // OpenAI's verbose_json names the language in full and in lower case ("english").
    return (new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code).toLowerCase();
  } catch {
    return code;
  }
}

/**
 * Renders a transcript in the `response_format` a client asked for, as OpenAI does: `json`
 * (`{text}`), `text`, SubRip `srt`, WebVTT `vtt`, or `verbose_json` with `task`, `language`,
 * `duration`, and `segments` and/or `words` as `timestamp_granularities[]` asks (segments only
 * when it names neither).
 */
export function formatTranscription(
  transcription: Transcription,
  options: {
    format: TranscriptionFormat;
    granularities: ReadonlySet<'word' | 'segment'>;
    task: 'transcribe' | 'translate';
  },
): Response {
  const { segments } = transcription;
  switch (options.format) {
    case 'json':
      return Response.json({ text: transcription.text });
    case 'text':
      return new Response(`${transcription.text}\n`, {
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    case 'srt': {
      const body = segments
        .map(
          (segment, index) =>
            `${index + 1}\n${timestamp(segment.start, ',')} --> ${timestamp(segment.end, ',')}\n${segment.text.trim()}\n`,
        )
        .join('\n');
      return new Response(`${body}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    case 'vtt': {
      const body = segments
        .map(
          (segment) =>
            `${timestamp(segment.start, '.')} --> ${timestamp(segment.end, '.')}\n${segment.text.trim()}\n`,
        )
        .join('\n');
      return new Response(`WEBVTT\n\n${body}\n`, { headers: { 'content-type': 'text/vtt; charset=utf-8' } });
    }
    case 'verbose_json': {
      const wantsWords = options.granularities.has('word');
      const wantsSegments = options.granularities.has('segment') || options.granularities.size === 0;
      return Response.json({
        task: options.task,
        language: options.task === 'translate' ? 'english' : languageName(transcription.language),
        duration: transcription.duration,
        text: transcription.text,
        ...(wantsSegments
          ? {
              segments: segments.map((segment, id) => ({
                id,
                seek: 0,
                start: segment.start,
                end: segment.end,
                text: segment.text,
                tokens: [],
                temperature: segment.temperature,
                avg_logprob: segment.avg_logprob,
                compression_ratio: segment.compression_ratio,
                no_speech_prob: segment.no_speech_prob,
              })),
            }
          : {}),
        ...(wantsWords ? { words: transcription.words } : {}),
      });
    }
  }
}
