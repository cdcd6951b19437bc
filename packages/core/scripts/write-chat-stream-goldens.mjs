// Writes the expected client stream of every framer setup for every recorded upstream stream:
// packages/core/src/openai/__fixtures__/<fixture>.<setup>.sse. Run after an intended change to a
// stream mapper or framer, then review the diff:  node packages/core/scripts/write-chat-stream-goldens.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../src/openai/__fixtures__');
const bundled = await build({
  entryPoints: [join(fixtures, 'render-chat-stream-goldens.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
});
const module = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`
);
let written = 0;
for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.chunks.txt'))) {
  const bytes = module.chunkFixtureBytes(readFileSync(join(fixtures, file), 'utf8'));
  for (const [name, setup] of Object.entries(module.CHAT_STREAM_GOLDEN_SETUPS)) {
    const target = join(fixtures, file.replace(/\.chunks\.txt$/, `.${name}.sse`));
    writeFileSync(target, await module.renderChatStreamGolden(setup, [bytes]));
    written++;
  }
}
console.log(`wrote ${written} golden streams in ${fixtures}`);
