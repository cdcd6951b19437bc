/**
 * Private, loopback, link-local, shared, documentation, benchmarking, multicast and reserved
 * IPv4 ranges (RFC 6890 special-purpose registry), as [first octets, prefix length].
 */
const NON_PUBLIC_IPV4: readonly [number, number][] = [
  [0x00000000, 8], // "this network"
  [0x0a000000, 8], // 10/8 private
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // 169.254/16 link-local (cloud metadata endpoints live here)
  [0xac100000, 12], // 172.16/12 private
  [0xc0000000, 24], // 192.0.0/24 IETF protocol assignments
  [0xc0000200, 24], // 192.0.2/24 documentation
  [0xc0586300, 24], // 192.88.99/24 6to4 relay anycast
  [0xc0a80000, 16], // 192.168/16 private
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xc6336400, 24], // 198.51.100/24 documentation
  [0xcb007100, 24], // 203.0.113/24 documentation
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved and broadcast
];

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(text: string): number | undefined {
  const match = IPV4.exec(text);
  if (match === null) return undefined;
  let value = 0;
  for (const octet of match.slice(1)) {
    const number = Number(octet);
    if (number > 255) return undefined;
    value = value * 256 + number;
  }
  return value;
}

function isPublicIpv4(address: number): boolean {
  return NON_PUBLIC_IPV4.every(([network, prefix]) => {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return (address & mask) >>> 0 !== network;
  });
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (`::` compressed, hex). */
function expandIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (part: string | undefined): number[] | undefined => {
    if (part === undefined || part === '') return [];
    const groups: number[] = [];
    for (const piece of part.split(':')) {
      const ipv4 = parseIpv4(piece);
      if (ipv4 !== undefined) {
        groups.push(ipv4 >>> 16, ipv4 & 0xffff);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        groups.push(Number.parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return groups;
  };
  const head = toGroups(halves[0]);
  const tail = toGroups(halves[1]);
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function isPublicIpv6(groups: number[]): boolean {
  const [first = 0, second = 0] = groups;
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address: judge that.
  const embedsIpv4 =
    (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) ||
    (first === 0x64 && second === 0xff9b && groups.slice(2, 6).every((group) => group === 0));
  if (embedsIpv4) return isPublicIpv4(((groups[6] ?? 0) * 0x10000 + (groups[7] ?? 0)) >>> 0);
  // Only global unicast (2000::/3) is public; within it, documentation (2001:db8::/32), Teredo
  // (2001::/32) and 6to4 (2002::/16, which tunnels to any IPv4 address) are refused.
  if ((first & 0xe000) !== 0x2000) return false;
  if (first === 0x2001 && (second === 0x0db8 || second === 0)) return false;
  return first !== 0x2002;
}

/**
 * Whether a URL's host may be fetched on a client's behalf: `false` for `localhost` names and for
 * literal IP addresses that are not public (loopback, private, link-local, CGNAT, multicast,
 * documentation, IPv4-mapped or NAT64 forms of those). The URL parser has already normalised
 * decimal, octal and hex IPv4 spellings (`https://2130706433/` has host `127.0.0.1`). Names that
 * resolve to private addresses are Cloudflare's to refuse: a Worker's fetch cannot reach them.
 */
export function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === '' || host === 'localhost' || host.endsWith('.localhost')) return false;
  if (host.startsWith('[')) {
    const groups = expandIpv6(host.slice(1, -1));
    return groups !== undefined && isPublicIpv6(groups);
  }
  const ipv4 = parseIpv4(host);
  if (ipv4 !== undefined) return isPublicIpv4(ipv4);
  // Anything else that looks numeric was not accepted by the URL parser as an address: refuse.
  return !/^[\d.]+$/.test(host);
}
