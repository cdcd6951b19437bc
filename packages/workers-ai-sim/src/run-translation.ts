import { countTokens } from './count-tokens';
import type { ModelFamily } from './model-catalog';
import { SimulatorError } from './simulator-error';
import type { ModelRequest, ModelRun } from './types';
import { validateInputs } from './validate-inputs';

// m2m100-1.2b's 100 language codes (workers-ai-facts.md).
const languageCodes = (
  'af am ar ast az ba be bg bn br bs ca ceb cs cy da de el en es et fa ff fi fr fy ga gd gl gu ha he hi hr ' +
  'ht hu hy id ig ilo is it ja jv ka kk km kn ko lb lg ln lo lt lv mg mk ml mn mr ms my ne nl no ns oc or ' +
  'pa pl ps pt ro ru sd si sk sl so sq sr ss su sv sw ta th tl tn tr uk ur uz vi wo xh yi yo zh zu'
).split(' ');

let codesByName: Map<string, string> | undefined;

/** m2m100 translation: plainly synthetic `"[fr] " + text`, with the real model's failure modes on demand. */
export function runTranslation(
  request: ModelRequest,
  family: Extract<ModelFamily, { kind: 'translation' }>,
): ModelRun {
  const { inputs } = request;
  validateInputs(inputs, {
    required: ['text', 'target_lang'],
    properties: {
      text: { type: 'string', minLength: 1 },
      source_lang: { type: 'string' },
      target_lang: { type: 'string' },
    },
  });
  // No auto-detection upstream: an unset source is treated as English.
  resolveLanguage(typeof inputs.source_lang === 'string' ? inputs.source_lang : 'en', '/source_lang');
  const target = resolveLanguage(String(inputs.target_lang), '/target_lang');
  // The real model does not keep line breaks.
  const text = String(inputs.text).replace(/\s*\n\s*/g, ' ');
  let translated = `[${target}] ${text}`;
  if (text.includes('[[repeat]]')) {
    // Runaway repetition, a failure mode seen in live m2m100 output.
    translated = `[${target}] ${Array.from({ length: 20 }, () => text).join(' ')}`;
  }
  const neurons = (countTokens(text) * family.rates[0] + countTokens(translated) * family.rates[1]) / 1e6;
  return { output: { kind: 'json', result: { translated_text: translated } }, neurons };
}

function resolveLanguage(value: string, path: string): string {
  const lower = value.trim().toLowerCase();
  if (languageCodes.includes(lower)) return lower;
  const code = namesToCodes().get(lower);
  if (code) return code;
  throw new SimulatorError(5006, `Value '${value}' at '${path}' is not a supported language`);
}

// English names ("french") appear in practice next to ISO codes; Intl knows the names.
function namesToCodes(): Map<string, string> {
  if (!codesByName) {
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    codesByName = new Map();
    for (const code of languageCodes) {
      const name = names.of(code);
      if (name && name !== code) codesByName.set(name.toLowerCase(), code);
    }
  }
  return codesByName;
}
