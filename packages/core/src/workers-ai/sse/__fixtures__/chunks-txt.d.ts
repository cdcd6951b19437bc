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
