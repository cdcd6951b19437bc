// Request payloads the bench and the suites send: made here, deterministic, small.

/** A PCM WAV file of `seconds` of a quiet tone (16 kHz, 16-bit mono). */
export function makeWav(seconds = 1) {
  const sampleRate = 16_000;
  const samples = Math.round(sampleRate * seconds);
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(samples * 2, 40);
  for (let index = 0; index < samples; index++) {
    buffer.writeInt16LE(Math.round(Math.sin((index / sampleRate) * 2 * Math.PI * 440) * 800), 44 + index * 2);
  }
  return buffer;
}

/** A multipart/form-data body from `[name, value | {filename, contentType, bytes}]` pairs. */
export function makeMultipart(fields, boundary = `----bench${Math.random().toString(16).slice(2)}`) {
  const parts = [];
  for (const [name, value] of fields) {
    if (typeof value === 'string') {
      parts.push(
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
    } else {
      parts.push(
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${value.filename}"\r\n` +
            `content-type: ${value.contentType}\r\n\r\n`,
        ),
        value.bytes,
        Buffer.from('\r\n'),
      );
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const SENTENCES = [
  'The museum opens its new wing to the public next spring after four years of careful restoration work.',
  'Visitors will find paintings that have not been shown together since the collection was divided in 1921.',
  'Curators spent months tracing letters, receipts and photographs to learn where each piece had travelled.',
  'Several works needed new frames, and one large canvas was relined by hand over the course of a winter.',
  'The building itself was modernised with quieter ventilation and lighting that protects fragile pigments.',
  'Admission stays free on the first Sunday of every month, and guided tours run twice a day in summer.',
];

/**
 * An English web page of about `bytes` bytes in paragraphs separated by blank lines. `salt` makes
 * every paragraph unique, so that a gateway's translation cache cannot answer it.
 */
export function makePage(bytes = 5 * 1024, salt = '') {
  const paragraphs = [];
  let size = 0;
  let index = 0;
  while (size < bytes) {
    const sentences = [0, 1, 2, 3].map((offset) => SENTENCES[(index + offset) % SENTENCES.length]);
    const paragraph = `Part ${index + 1}${salt ? ` (${salt})` : ''}. ${sentences.join(' ')}`;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
    index += 1;
  }
  return paragraphs.join('\n\n');
}

/**
 * makePage's text with `salt` in every sentence: no segment of it can be in a gateway's
 * translation cache already (makePage's sentences repeat from page to page).
 */
export function makeFreshPage(bytes = 5 * 1024, salt = '') {
  return makePage(bytes, salt).replace(/\.(\s|$)/g, ` ${salt}.$1`);
}
