import { GatewayError, sniffContentType } from '@workers-ai-gateways/core';

// Enough for every signature sniffed (RIFF....WAVE is the longest at 12 bytes).
const HEAD_BYTES = 16;

/**
 * Labels speech audio by its bytes, not by the format asked (issue 11 #15): reads the first
 * bytes, sniffs the container (RIFF/WAVE, fLaC, OggS, ID3 or an MPEG frame, AAC ADTS) and
 * answers the stream (every byte, the head first) with the media type found. Bytes that are
 * not what was `asked` for are a 502 in the OpenAI envelope, never audio under a wrong label.
 * `audio/pcm` (bare samples) has no signature: it must not look like any container.
 */
export async function labelSpeechAudio(
  source: ReadableStream<Uint8Array>,
  asked: string,
  model: string,
): Promise<{ body: ReadableStream<Uint8Array>; contentType: string }> {
  const reader = source.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.byteLength;
  }
  const head = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    head.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const found = sniffContentType(head);
  const matches = asked === 'audio/pcm' ? found === undefined && size > 0 : found === asked;
  if (!matches) {
    await reader.cancel();
    throw new GatewayError(
      502,
      'upstream_error',
      `Workers AI answered '${model}' with ${found ?? (size === 0 ? 'no audio' : 'unrecognised bytes')}, not the ${asked} asked for.`,
    );
  }
  let pending: Uint8Array | undefined = head;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending !== undefined) {
        controller.enqueue(pending);
        pending = undefined;
        if (done) controller.close();
        return;
      }
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { body, contentType: found ?? asked };
}
