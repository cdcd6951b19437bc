import { invalidRequest } from '../errors/gateway-error';

/** Response formats of `/v1/audio/transcriptions` and `/v1/audio/translations`. */
export type TranscriptionFormat = 'json' | 'text' | 'srt' | 'vtt' | 'verbose_json';

/** A validated transcription or translation upload. */
export interface TranscriptionRequest {
  file: File;
  model: string;
  language: string | undefined;
  prompt: string | undefined;
  temperature: number | undefined;
  responseFormat: TranscriptionFormat;
  /** `timestamp_granularities[]`: which timestamps `verbose_json` carries. */
  granularities: Set<'word' | 'segment'>;
}

const FORMATS = new Set<string>(['json', 'text', 'srt', 'vtt', 'verbose_json']);

function optionalText(form: FormData, name: string): string | undefined {
  const value = form.get(name) as unknown as File | string | null;
  if (value === null) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`'${name}' must be a text field.`, name);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Validates the multipart form of `POST /v1/audio/transcriptions` and `/translations` as OpenAI
 * does: a non-empty `file`, a `model`, an optional ISO-639-1 `language`, `prompt`, `temperature`
 * (0–1), `response_format` and `timestamp_granularities[]` (word / segment, only with
 * `verbose_json`). Each problem is a 400 naming the field.
 */
export function parseTranscriptionRequest(form: FormData): TranscriptionRequest {
  // workers-types declares `FormData.get` as `string | null`, but workerd returns a File for uploads.
  const file = form.get('file') as unknown as File | string | null;
  if (file === null || typeof file === 'string') {
    throw invalidRequest("'file' is required and must be an uploaded audio file.", 'file');
  }
  if (file.size === 0) throw invalidRequest('The uploaded audio file is empty.', 'file');
  const model = optionalText(form, 'model');
  if (model === undefined) throw invalidRequest("'model' is required.", 'model');
  const language = optionalText(form, 'language');
  if (language !== undefined && !/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/.test(language)) {
    throw invalidRequest("'language' must be an ISO-639-1 code such as 'en'.", 'language');
  }
  const temperatureText = optionalText(form, 'temperature');
  const temperature = temperatureText === undefined ? undefined : Number(temperatureText);
  if (temperature !== undefined && !(temperature >= 0 && temperature <= 1)) {
    throw invalidRequest("'temperature' must be a number between 0 and 1.", 'temperature');
  }
  const responseFormat = optionalText(form, 'response_format') ?? 'json';
  if (!FORMATS.has(responseFormat)) {
    throw invalidRequest(
      `'response_format' must be one of json, text, srt, vtt or verbose_json; got '${responseFormat}'.`,
      'response_format',
    );
  }
  const granularities = new Set<'word' | 'segment'>();
  const values = [...form.getAll('timestamp_granularities[]'), ...form.getAll('timestamp_granularities')];
  for (const value of values as unknown as (File | string)[]) {
    if (value !== 'word' && value !== 'segment') {
      throw invalidRequest(
        "'timestamp_granularities[]' values must be 'word' or 'segment'.",
        'timestamp_granularities',
      );
    }
    granularities.add(value);
  }
  if (granularities.size > 0 && responseFormat !== 'verbose_json') {
    throw invalidRequest(
      "'timestamp_granularities[]' needs response_format 'verbose_json'.",
      'timestamp_granularities',
    );
  }
  return {
    file,
    model,
    language,
    prompt: optionalText(form, 'prompt'),
    temperature,
    responseFormat: responseFormat as TranscriptionFormat,
    granularities,
  };
}
