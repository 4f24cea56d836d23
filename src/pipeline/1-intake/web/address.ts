// Which IP addresses a request may reach. Everything that is not ordinary public unicast is
// blocked (loopback, private, link-local, multicast, reserved, cloud metadata), IPv4 and IPv6,
// including IPv4 carried inside IPv6 (mapped, compatible, NAT64, 6to4). An explicit allow-list of
// addresses or CIDRs lifts the block; cloud metadata addresses must be listed one by one.
import { isIPv4, isIPv6 } from 'node:net';

export type AddressKind =
  'public' | 'unspecified' | 'loopback' | 'private' | 'link-local' | 'multicast' | 'reserved' | 'metadata';

/** An address as bytes: 4 for IPv4, 16 for IPv6. */
type Bytes = number[];

function v4Bytes(ip: string): Bytes | null {
  if (!isIPv4(ip)) return null;
  return ip.split('.').map(Number);
}

function v6Bytes(input: string): Bytes | null {
  const ip = input.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(ip)) return null;
  // A dotted IPv4 tail ("::ffff:127.0.0.1") becomes two hex groups.
  const head = ip.replace(
    /(\d+)\.(\d+)\.(\d+)\.(\d+)$/,
    (_, a, b, c, d) => `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`,
  );
  const [left, right] = head.includes('::') ? head.split('::') : [head, null];
  const parse = (s: string) => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const l = parse(left);
  const r = right === null ? [] : parse(right);
  const groups = right === null ? l : [...l, ...Array(Math.max(0, 8 - l.length - r.length)).fill(0), ...r];
  if (groups.length !== 8) return null;
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/** Bytes of an IPv4 or IPv6 literal (brackets and zone ids allowed), or null. */
export function addressBytes(ip: string): Bytes | null {
  return v4Bytes(ip) ?? v6Bytes(ip);
}

const inPrefix = (b: Bytes, prefix: Bytes, bits: number): boolean => {
  for (let i = 0; i < bits; i++) {
    const bit = 7 - (i % 8);
    if (((b[i >> 3] >> bit) & 1) !== ((prefix[i >> 3] >> bit) & 1)) return false;
  }
  return true;
};

// Link-local and other metadata services of the big clouds (AWS, GCP, Azure, Alibaba, Oracle, ECS).
const METADATA = [
  '169.254.169.254',
  '169.254.170.2',
  '168.63.129.16',
  '100.100.100.200',
  '192.0.0.192',
  'fd00:ec2::254',
];
const METADATA_BYTES = METADATA.map((a) => addressBytes(a)!.join('.'));

const V4_RULES: [string, number, AddressKind][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_RULES: [string, number, AddressKind][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'reserved'],
  ['100::', 64, 'reserved'],
  ['2001::', 32, 'reserved'], // Teredo: the real IPv4 peer is hidden
  ['2001:db8::', 32, 'reserved'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'],
  ['ff00::', 8, 'multicast'],
];

const compile = (rules: [string, number, AddressKind][]) =>
  rules.map(([a, bits, kind]) => ({ prefix: addressBytes(a)!, bits, kind }));
const V4 = compile(V4_RULES);
const V6 = compile(V6_RULES);

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedV4(b: Bytes): Bytes | null {
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12); // ::ffff:a.b.c.d
  if (zeros(0, 12) && !zeros(12, 16) && !(zeros(12, 15) && b[15] === 1)) return b.slice(12); // ::a.b.c.d
  if (inPrefix(b, addressBytes('64:ff9b::')!, 96)) return b.slice(12); // NAT64
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6); // 6to4
  return null;
}

function kindOfBytes(b: Bytes): AddressKind {
  if (METADATA_BYTES.includes(b.join('.'))) return 'metadata';
  if (b.length === 4)
    return (
      V4.find((r) => inPrefix(b, r.prefix, r.bits))?.kind ??
      (b.every((x) => x === 255) ? 'reserved' : 'public')
    );
  const v4 = embeddedV4(b);
  if (v4) return kindOfBytes(v4);
  return V6.find((r) => inPrefix(b, r.prefix, r.bits))?.kind ?? 'public';
}

/** What kind of address this is; throws on a string that is not an IP address. */
export function addressKind(ip: string): AddressKind {
  const b = addressBytes(ip);
  if (!b) throw new Error(`web: not an IP address: ${ip}`);
  return kindOfBytes(b);
}

export interface AllowEntry {
  prefix: Bytes;
  bits: number;
}

/** Parses allow-list entries ("127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"); throws listing bad ones. */
export function parseAllowList(entries: readonly string[]): AllowEntry[] {
  const bad: string[] = [];
  const out: AllowEntry[] = [];
  for (const raw of entries) {
    const [addr, len] = raw.trim().split('/');
    const prefix = addressBytes(addr);
    const max = prefix ? prefix.length * 8 : 0;
    const bits = len === undefined ? max : Number(len);
    if (!prefix || !Number.isInteger(bits) || bits < 0 || bits > max) bad.push(raw);
    else out.push({ prefix, bits });
  }
  if (bad.length) throw new Error(`web: bad allow-list entries: ${bad.join(', ')}`);
  return out;
}

/**
 * Null when a request may go to `ip`, else the reason it may not. The allow-list matches the
 * address exactly as resolved (an IPv4 entry does not cover its IPv4-mapped IPv6 form), and a
 * metadata address is only allowed by an entry naming exactly that address.
 */
export function blockedReason(ip: string, allow: readonly AllowEntry[]): string | null {
  const b = addressBytes(ip);
  if (!b) return `not an IP address: ${ip}`;
  const kind = kindOfBytes(b);
  if (kind === 'public') return null;
  const allowed = allow.some(
    (e) =>
      e.prefix.length === b.length &&
      inPrefix(b, e.prefix, e.bits) &&
      (kind !== 'metadata' || e.bits === b.length * 8),
  );
  return allowed ? null : `${ip} is a ${kind} address`;
}
