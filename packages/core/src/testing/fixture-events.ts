/**
 * The events of a recorded `*.chunks.txt` fixture (one `data: …` line per event, as Workers AI
 * sent them), each framed as SSE (`…\n\n`) and encoded.
 */
export function fixtureEvents(fixture: string): Uint8Array[] {
  const encoder = new TextEncoder();
  return fixture
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => encoder.encode(`${line}\n\n`));
}
