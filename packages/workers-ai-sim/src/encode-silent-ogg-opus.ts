let table: Uint32Array | undefined;

/** Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value and final XOR 0. */
function oggCrc(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let index = 0; index < 256; index++) {
      let value = index << 24;
      for (let bit = 0; bit < 8; bit++) value = value & 0x80000000 ? (value << 1) ^ 0x04c11db7 : value << 1;
      table[index] = value >>> 0;
    }
  }
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ (table[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  return crc;
}

const SERIAL = 0x5349_4d31;
const PRE_SKIP = 312;
const FRAME_SAMPLES = 960; // 20 ms at Opus's 48 kHz clock

/** One Ogg page holding whole packets (each under 255 bytes, at most 255 of them). */
function page(packets: Uint8Array[], sequence: number, granule: number, flags: number): Uint8Array {
  const dataLength = packets.reduce((sum, packet) => sum + packet.length, 0);
  const bytes = new Uint8Array(27 + packets.length + dataLength);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4f, 0x67, 0x67, 0x53, 0, flags]);
  view.setUint32(6, granule % 2 ** 32, true);
  view.setUint32(10, Math.floor(granule / 2 ** 32), true);
  view.setUint32(14, SERIAL, true);
  view.setUint32(18, sequence, true);
  bytes[26] = packets.length;
  let offset = 27;
  for (const packet of packets) bytes[offset++] = packet.length;
  for (const packet of packets) {
    bytes.set(packet, offset);
    offset += packet.length;
  }
  view.setUint32(22, oggCrc(bytes), true);
  return bytes;
}

/**
 * Real Ogg Opus bytes of silence (RFC 7845): an OpusHead page, an OpusTags page, then pages of
 * 20 ms packets that are a TOC byte alone (CELT fullband, one frame of zero bytes: a frame the
 * decoder conceals as silence, RFC 6716 §3.2.1), the last page flagged end-of-stream.
 */
export function encodeSilentOggOpus(seconds: number): Uint8Array {
  const head = new Uint8Array(19);
  const headView = new DataView(head.buffer);
  head.set(new TextEncoder().encode('OpusHead'));
  head[8] = 1; // version
  head[9] = 1; // channels
  headView.setUint16(10, PRE_SKIP, true);
  headView.setUint32(12, 48000, true);
  const vendor = new TextEncoder().encode('workers-ai-sim');
  const tags = new Uint8Array(8 + 4 + vendor.length + 4);
  tags.set(new TextEncoder().encode('OpusTags'));
  new DataView(tags.buffer).setUint32(8, vendor.length, true);
  tags.set(vendor, 12);
  const pages = [page([head], 0, 0, 0x02), page([tags], 1, 0, 0)];
  const packets = Math.max(1, Math.ceil(seconds / 0.02));
  let written = 0;
  for (let sequence = 2; written < packets; sequence++) {
    const count = Math.min(255, packets - written);
    written += count;
    const packetsOfPage = Array.from({ length: count }, () => Uint8Array.of(0xf8));
    pages.push(
      page(packetsOfPage, sequence, PRE_SKIP + written * FRAME_SAMPLES, written === packets ? 0x04 : 0),
    );
  }
  const total = new Uint8Array(pages.reduce((sum, bytes) => sum + bytes.length, 0));
  let offset = 0;
  for (const bytes of pages) {
    total.set(bytes, offset);
    offset += bytes.length;
  }
  return total;
}
