/**
 * Duration in seconds of an audio upload: from the WAV header when there is one, otherwise estimated
 * from the byte length as 128 kbps compressed audio.
 */
export function readAudioDuration(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.length >= 12 && ascii(0) === 'RIFF' && ascii(8) === 'WAVE') {
    let byteRate = 0;
    let offset = 12;
    while (offset + 8 <= bytes.length) {
      const chunkId = ascii(offset);
      const chunkSize = view.getUint32(offset + 4, true);
      if (chunkId === 'fmt ' && offset + 16 <= bytes.length) byteRate = view.getUint32(offset + 16, true);
      if (chunkId === 'data' && byteRate > 0) {
        return Math.min(chunkSize, bytes.length - offset - 8) / byteRate;
      }
      offset += 8 + chunkSize + (chunkSize % 2);
    }
  }
  return (bytes.length * 8) / 128000;
}
