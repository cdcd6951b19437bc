import { encodeBase64 } from './encode-base64';
import { encodeJpeg } from './encode-jpeg';
import { encodePng, type Rgb } from './encode-png';
import { hashText } from './hash-text';
import type { ModelFamily } from './model-catalog';
import { SimulatorError } from './simulator-error';
import type { ModelRequest, ModelRun } from './types';
import { type InputSchema, validateInputs } from './validate-inputs';

type ImageFamily = Extract<ModelFamily, { kind: 'sd-image' | 'flux-schnell' | 'flux-2' | 'leonardo' }>;

const stableDiffusionSchema: InputSchema = {
  required: ['prompt'],
  properties: {
    prompt: { type: 'string', minLength: 1 },
    negative_prompt: { type: 'string' },
    height: { type: 'integer', minimum: 256, maximum: 2048 },
    width: { type: 'integer', minimum: 256, maximum: 2048 },
    image: { type: 'array' },
    image_b64: { type: 'string' },
    mask: { type: 'array' },
    num_steps: { type: 'integer', minimum: 1, maximum: 20 },
    strength: { type: 'number', minimum: 0, maximum: 1 },
    guidance: { type: 'number' },
    seed: { type: 'integer', minimum: 0 },
  },
};

// flux-1-schnell's documented inputs are only prompt, steps and seed: no width or height.
const fluxSchnellSchema: InputSchema = {
  required: ['prompt'],
  properties: {
    prompt: { type: 'string', minLength: 1, maxLength: 2048 },
    steps: { type: 'integer', minimum: 1, maximum: 8 },
    seed: { type: 'integer', minimum: 0 },
  },
};

const flux2Fields = ['prompt', 'steps', 'width', 'height', 'seed', 'guidance'];
const flux2Images = ['input_image_0', 'input_image_1', 'input_image_2', 'input_image_3'];

/** Text-to-image: raw PNG for the SD family, `{image: base64 JPEG}` for flux and leonardo. */
export async function runImageGeneration(request: ModelRequest, family: ImageFamily): Promise<ModelRun> {
  if (family.kind === 'sd-image') {
    const { inputs } = request;
    validateInputs(inputs, stableDiffusionSchema);
    const hasImage = inputs.image !== undefined || inputs.image_b64 !== undefined;
    if (family.needs !== 'prompt' && !hasImage) {
      throw new SimulatorError(5006, "required properties at '/' are 'image'");
    }
    if (family.needs === 'image-and-mask' && inputs.mask === undefined) {
      throw new SimulatorError(5006, "required properties at '/' are 'mask'");
    }
    const prompt = checkPrompt(inputs.prompt);
    const width = numberOr(inputs.width, 1024);
    const height = numberOr(inputs.height, 1024);
    const bytes = await encodePng(width, height, coloursFor(prompt));
    // The SD family is beta and not priced.
    return { output: { kind: 'binary', bytes, contentType: 'image/png' }, neurons: 0 };
  }

  let prompt: string;
  let width = 1024;
  let height = 1024;
  let steps: number;
  if (family.kind === 'flux-schnell') {
    validateInputs(request.inputs, fluxSchnellSchema);
    prompt = checkPrompt(request.inputs.prompt);
    steps = numberOr(request.inputs.steps, 4);
  } else if (family.kind === 'leonardo') {
    const inputs = request.inputs;
    validateInputs(inputs, {
      required: ['prompt'],
      properties: {
        prompt: { type: 'string', minLength: 1 },
        guidance: { type: 'number', minimum: 0, maximum: 10 },
        seed: { type: 'integer', minimum: 0 },
        height: { type: 'integer', minimum: 64, maximum: 2500 },
        width: { type: 'integer', minimum: 64, maximum: 2500 },
        num_steps: { type: 'integer', minimum: 1, maximum: 40 },
        steps: { type: 'integer', minimum: 1, maximum: 40 },
        ...(family.negativePrompt ? { negative_prompt: { type: 'string' as const } } : {}),
      },
    });
    prompt = checkPrompt(inputs.prompt);
    const defaultSize = family.negativePrompt ? 1024 : 1120;
    width = numberOr(inputs.width, defaultSize);
    height = numberOr(inputs.height, defaultSize);
    // [unverified] default step count.
    steps = numberOr(inputs.num_steps, numberOr(inputs.steps, 25));
  } else {
    const form = await readFlux2Form(request);
    prompt = checkPrompt(form.get('prompt') ?? undefined);
    width = formNumber(form, 'width', 1024, 256, 2048);
    height = formNumber(form, 'height', 1024, 256, 2048);
    steps = formNumber(form, 'steps', 25, 1, 50);
  }
  const tiles = Math.ceil(width / 512) * Math.ceil(height / 512);
  const bytes = encodeJpeg(width, height, coloursFor(prompt));
  return {
    output: { kind: 'json', result: { image: encodeBase64(bytes) } },
    neurons: tiles * family.ratePerTile + steps * family.ratePerStep,
  };
}

function checkPrompt(prompt: unknown): string {
  const text = typeof prompt === 'string' ? prompt : '';
  if (text === '') throw new SimulatorError(5006, "required properties at '/' are 'prompt'");
  // Workers AI reports content-policy rejections of image prompts as 3030.
  if (text.includes('[[nsfw]]')) throw new SimulatorError(3030, 'Input prompt contains NSFW content.');
  return text;
}

async function readFlux2Form(request: ModelRequest): Promise<FormData> {
  let form = request.form;
  if (!form) {
    const keys = Object.keys(request.inputs);
    const extra = keys.find((key) => key !== 'multipart');
    if (extra)
      throw new SimulatorError(5006, `Additional or unevaluated properties '/${extra}' at '/' not allowed`);
    const multipart = request.inputs.multipart as { body?: unknown; contentType?: unknown } | undefined;
    if (!multipart || typeof multipart.contentType !== 'string' || multipart.body === undefined) {
      throw new SimulatorError(5006, "required properties at '/' are 'multipart'");
    }
    try {
      form = await new Response(multipart.body as BodyInit, {
        headers: { 'content-type': multipart.contentType },
      }).formData();
    } catch {
      throw new SimulatorError(5006, 'Bad input: multipart body could not be parsed');
    }
  }
  for (const key of form.keys()) {
    if (!flux2Fields.includes(key) && !flux2Images.includes(key)) {
      throw new SimulatorError(5006, `Additional or unevaluated properties '/${key}' at '/' not allowed`);
    }
  }
  return form;
}

function formNumber(form: FormData, key: string, fallback: number, minimum: number, maximum: number): number {
  const raw = form.get(key);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value)) {
    throw new SimulatorError(5006, `Type mismatch of '/${key}', 'string' not in 'integer'`);
  }
  if (value < minimum || value > maximum) {
    throw new SimulatorError(5006, `Value ${value} at '/${key}' is outside ${minimum}..${maximum}`);
  }
  return value;
}

function coloursFor(prompt: string): Rgb[] {
  return [0, 1, 2, 3].map((index) => {
    // The index goes first so that FNV spreads it into every byte of the hash.
    const hash = hashText(`${index}:${prompt}`);
    return [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff] as const;
  });
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
