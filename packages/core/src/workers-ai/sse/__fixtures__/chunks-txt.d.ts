// Vite's `?raw` suffix imports a fixture file's text (https://vite.dev/guide/assets#importing-asset-as-string).
declare module '*.chunks.txt?raw' {
  const text: string;
  export default text;
}
