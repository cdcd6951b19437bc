// Vite's `?raw` suffix imports a fixture file's text (https://vite.dev/guide/assets#importing-asset-as-string).
declare module '*.chunks.txt?raw' {
  const text: string;
  export default text;
}

/** A golden client stream (`*.sse`) beside a recorded upstream stream, imported as text. */
declare module '*.sse?raw' {
  const text: string;
  export default text;
}

/** Vite's `import.meta.glob` (https://vite.dev/guide/features#glob-import), as the tests use it. */
interface ImportMeta {
  glob<Module>(
    pattern: string,
    options: { query: '?raw'; import: 'default'; eager: true },
  ): Record<string, Module>;
}
