import { encodeBase64 } from '../../encoding/encode-base64';
import { encodeBase64Stream } from '../../encoding/encode-base64-stream';

// Up to this size the REST body is one string: a body streamed in chunks cost ~1 ms more CPU per
// request for a 1 s WAV (bench, own CPU 3.3-5.1 ms streamed vs 2.4-2.7 ms), while the string's
// memory (4/3 of the file) only matters for long recordings.
const ONE_STRING_BYTES = 1024 * 1024;

/**
 * JSON inputs in which one field holds a blob's bytes as base64: whisper-large-v3-turbo's
 * `audio`. Over REST the JSON body is encoded as it is sent, so the base64 text never exists
 * whole; the binding (which serialises its inputs itself) gets the one string.
 */
export interface WorkersAiBase64FieldInputs {
  kind: 'base64-field';
  /** The field that holds the base64 text, e.g. `audio`. */
  field: string;
  blob: Blob;
  /** The other fields, as JSON values. */
  fields: Record<string, unknown>;
}

/** Whether `inputs` are {@link WorkersAiBase64FieldInputs}. */
export function isBase64FieldInputs(inputs: object): inputs is WorkersAiBase64FieldInputs {
  const candidate = inputs as Partial<WorkersAiBase64FieldInputs>;
  return (
    candidate.kind === 'base64-field' && candidate.blob instanceof Blob && typeof candidate.field === 'string'
  );
}

/**
 * The REST body of base64-field inputs (plus `extra` top-level fields): one JSON string for a
 * blob up to 1 MiB; for a bigger one a byte stream pulled by the upload, `{"<field>":"` + the
 * blob's base64, a chunk at a time + `", ...the rest}`, so that its base64 never exists whole.
 */
export async function createBase64JsonBody(
  inputs: WorkersAiBase64FieldInputs,
  extra: Record<string, unknown>,
): Promise<ReadableStream<Uint8Array> | string> {
  if (inputs.blob.size <= ONE_STRING_BYTES) {
    const base64 = encodeBase64(new Uint8Array(await inputs.blob.arrayBuffer()));
    return JSON.stringify({ [inputs.field]: base64, ...inputs.fields, ...extra });
  }
  const encoder = new TextEncoder();
  const rest = JSON.stringify({ ...inputs.fields, ...extra });
  const pieces = encodeBase64Stream(inputs.blob.stream());
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`{${JSON.stringify(inputs.field)}:"`));
        return;
      }
      const next = await pieces.next();
      if (next.done) {
        controller.enqueue(encoder.encode(rest === '{}' ? '"}' : `",${rest.slice(1)}`));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

/** The binding's form of base64-field inputs: one object whose field holds the whole base64 string. */
export async function readBase64FieldInputs(
  inputs: WorkersAiBase64FieldInputs,
): Promise<Record<string, unknown>> {
  // Appended piece by piece, V8 keeps a rope that the binding's JSON.stringify reads once: no
  // flat copy of the whole text besides the one that goes out (a join would make one).
  let text = '';
  for await (const piece of encodeBase64Stream(inputs.blob.stream())) text += piece;
  return { [inputs.field]: text, ...inputs.fields };
}
