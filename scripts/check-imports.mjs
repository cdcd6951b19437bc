// Checks the import graph of the TypeScript sources (run by `pnpm test`):
// - no import cycle between any two files of packages/ and apps/; a cycle made only of type
//   imports (erased when compiled, so no load-order hazard) is reported as a warning;
// - core's folders import only folders on a lower floor (ARCHITECTURE.md), tests and fixtures excepted;
// - only tests import core's test support (`src/testing`, `@workers-ai-gateways/core/testing`);
// - an app imports core only through its package name, never another app; core never imports an
//   app; the simulator imports nothing of core (it stands for Workers AI, not for the gateways).
// Exits 1 and lists every violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORE = join(ROOT, 'packages/core/src');

/** Core's floors, lowest first; a folder may import its own files and the floors below. */
export const FLOORS = [
  ['errors', 'encoding', 'values', 'usage'],
  ['workers-ai/catalog'],
  ['config'],
  ['workers-ai/errors', 'workers-ai/sse'],
  ['workers-ai/client', 'ledger'],
  ['openai', 'deepl', 'dashboard'],
  ['anthropic'],
  ['http'],
];
const FLOOR_OF = new Map(FLOORS.flatMap((folders, floor) => folders.map((folder) => [folder, floor])));

function listSources(directory) {
  const found = [];
  for (const name of readdirSync(directory)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(directory, name);
    if (statSync(path).isDirectory()) found.push(...listSources(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

const isTest = (file) =>
  /\.test(-helper)?\.ts$|\/test\/|\/__fixtures__\//.test(file) || file.includes('/src/testing/');
const IMPORT =
  /(?:^|\n)\s*(import|export)(\s+type)?\b[^'";]*?\bfrom\s*'([^']+)'|(?:^|\n)\s*import\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;

/** Each import of `file`: its specifier, and whether it is type-only (`import type`, `export type`). */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => ({
    specifier: match[3] ?? match[4] ?? match[5],
    typeOnly: match[2] !== undefined,
  }));
}

function resolveRelative(file, specifier) {
  const base = resolve(dirname(file), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return undefined;
}

function coreFolder(file) {
  const parts = relative(CORE, file).split('/');
  if (parts.length === 1) return '(index)';
  return parts[0] === 'workers-ai' ? `${parts[0]}/${parts[1]}` : parts[0];
}

const roots = [join(ROOT, 'packages'), join(ROOT, 'apps')];
const files = roots.flatMap(listSources);
const graph = new Map(files.map((file) => [file, []]));
const runtimeGraph = new Map(files.map((file) => [file, []]));
const problems = [];
const warnings = [];
const show = (file) => relative(ROOT, file);

for (const file of files) {
  const inCore = file.startsWith(`${CORE}/`);
  const inSimulator = file.startsWith(join(ROOT, 'packages/workers-ai-sim/'));
  const app = /\/apps\/([^/]+)\//.exec(file)?.[1];
  for (const { specifier, typeOnly } of importsOf(file)) {
    if (specifier.startsWith('@workers-ai-gateways/core')) {
      if (inCore) problems.push(`${show(file)}: core imports itself by package name ('${specifier}')`);
      if (inSimulator) problems.push(`${show(file)}: the simulator imports core ('${specifier}')`);
      if (specifier === '@workers-ai-gateways/core/testing' && !isTest(file))
        problems.push(`${show(file)}: only tests may import '${specifier}'`);
      continue;
    }
    if (!specifier.startsWith('.')) continue;
    const target = resolveRelative(file, specifier);
    if (target === undefined) continue; // Not a TypeScript module (fixtures, text files).
    graph.get(file)?.push(target);
    if (!typeOnly) runtimeGraph.get(file)?.push(target);
    const targetApp = /\/apps\/([^/]+)\//.exec(target)?.[1];
    if (targetApp !== app) problems.push(`${show(file)}: reaches into another package (${show(target)})`);
    if (!inCore || !target.startsWith(`${CORE}/`)) {
      if (target.startsWith(`${CORE}/`) && !inCore)
        problems.push(`${show(file)}: imports core by path; use '@workers-ai-gateways/core'`);
      continue;
    }
    const from = coreFolder(file);
    const to = coreFolder(target);
    if (to === 'testing' && !isTest(file))
      problems.push(`${show(file)}: only tests may import core's testing/`);
    if (from === to || from === '(index)' || from === 'testing' || isTest(file)) continue;
    const fromFloor = FLOOR_OF.get(from);
    const toFloor = FLOOR_OF.get(to);
    if (fromFloor === undefined)
      problems.push(`${show(file)}: folder '${from}' has no floor in scripts/check-imports.mjs`);
    else if (toFloor === undefined) problems.push(`${show(file)}: imports '${to}', which has no floor`);
    else if (toFloor >= fromFloor)
      problems.push(
        `${show(file)}: '${from}' (floor ${fromFloor}) imports '${to}' (floor ${toFloor}): imports may only go down`,
      );
  }
}

// Cycles: Tarjan's strongly connected components over a file graph.
function cyclesOf(edges) {
  let index = 0;
  const indices = new Map();
  const lowLinks = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const connect = (file) => {
    indices.set(file, index);
    lowLinks.set(file, index);
    index++;
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!indices.has(next)) {
        connect(next);
        lowLinks.set(file, Math.min(lowLinks.get(file), lowLinks.get(next)));
      } else if (onStack.has(next)) {
        lowLinks.set(file, Math.min(lowLinks.get(file), indices.get(next)));
      }
    }
    if (lowLinks.get(file) !== indices.get(file)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (edges.get(file) ?? []).includes(file)) cycles.push(component);
  };
  for (const file of edges.keys()) if (!indices.has(file)) connect(file);
  return cycles.map((component) => component.map(show).sort().join(' <-> '));
}

const runtimeCycles = cyclesOf(runtimeGraph);
for (const cycle of runtimeCycles) problems.push(`import cycle: ${cycle}`);
for (const cycle of cyclesOf(graph)) {
  if (!runtimeCycles.includes(cycle)) warnings.push(`type-only import cycle: ${cycle}`);
}

if (warnings.length > 0)
  console.warn(`check-imports: warning\n${warnings.map((line) => `  ${line}`).join('\n')}`);
if (problems.length > 0) {
  console.error(
    `check-imports: ${problems.length} problem(s)\n${problems.map((line) => `  ${line}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(
  `check-imports: ${files.length} files, no runtime import cycle, every core import goes down a floor`,
);
