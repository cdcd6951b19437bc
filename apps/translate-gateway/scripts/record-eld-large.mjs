// Records eld's large-data answers for the held-out detection sample. eld/large is a 4.5 MB
// module, more than vitest-pool-workers moves into workerd in one message, so the comparison
// test reads its answers from test/__fixtures__/detection-held-out-eld-large.json instead of
// running it. Re-run after rebuilding the sample:  node scripts/record-eld-large.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { eld } from 'eld/large';

const sample = JSON.parse(readFileSync('test/__fixtures__/detection-held-out.json', 'utf8'));
const answers = {};
for (const [language, buckets] of Object.entries(sample)) {
  answers[language] = {};
  for (const [bucket, texts] of Object.entries(buckets))
    answers[language][bucket] = texts.map((text) => eld.detect(text).language);
}
writeFileSync('test/__fixtures__/detection-held-out-eld-large.json', `${JSON.stringify(answers)}\n`);
