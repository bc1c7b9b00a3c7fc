import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a feed must never reach unless private networks are allowed: this machine, the local
 * networks behind it, and the cloud metadata services. Special-purpose ranges from the IANA registries
 * (RFC 6890 and successors) that are not the public internet.
 */
const BLOCKED_V4: [string, number, string][] = [
  ['0.0.0.0', 8, '"this" network'],
  ['10.0.0.0', 8, 'a private network (RFC 1918)'],
  ['100.64.0.0', 10, 'carrier-grade NAT (RFC 6598)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata lives at 169.254.169.254)'],
  ['172.16.0.0', 12, 'a private network (RFC 1918)'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'a private network (RFC 1918)'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const BLOCKED_V6: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard-only'],
  ['2001::', 23, 'IETF protocol assignments'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'a unique local network (ULA; AWS metadata lives at fd00:ec2::254)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

const blockLists = (() => {
  const v4 = BLOCKED_V4.map(([net, prefix, why]) => {
    const b = new BlockList();
    b.addSubnet(net, prefix, 'ipv4');
    return { b, why };
  });
  const v6 = BLOCKED_V6.map(([net, prefix, why]) => {
    const b = new BlockList();
    b.addSubnet(net, prefix, 'ipv6');
    return { b, why };
  });
  return { v4, v6 };
})();

/** The IPv4 address an IPv6 one carries (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
function embeddedV4(address: string): string | undefined {
  const words = expandV6(address.toLowerCase());
  if (!words) return undefined;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  // ::ffff:x:y (mapped, hex form) and ::x:y (deprecated compatible)
  if (words.slice(0, 5).every((w) => w === 0) && (words[5] === 0xffff || words[5] === 0))
    return v4(words[6], words[7]);
  // NAT64 well-known prefix
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0))
    return v4(words[6], words[7]);
  // 6to4
  if (words[0] === 0x2002) return v4(words[1], words[2]);
  return undefined;
}

function expandV6(address: string): number[] | undefined {
  let a = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (dotted) {
    const p = dotted[1].split('.').map(Number);
    a =
      a.slice(0, -dotted[1].length) +
      `${((p[0] << 8) | p[1]).toString(16)}:${((p[2] << 8) | p[3]).toString(16)}`;
  }
  const [head, tail] = a.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const fill = tail !== undefined ? 8 - h.length - t.length : 0;
  const all = [...h, ...Array<string>(Math.max(0, fill)).fill('0'), ...t];
  if (all.length !== 8) return undefined;
  return all.map((w) => parseInt(w || '0', 16));
}

/** Why an IP address is not on the public internet, or null when it is. */
export function blockedAddressReason(address: string): string | null {
  const family = isIP(address);
  if (family === 4) {
    for (const { b, why } of blockLists.v4) if (b.check(address, 'ipv4')) return why;
    if (address === '255.255.255.255') return 'broadcast';
    return null;
  }
  if (family === 6) {
    const v4 = embeddedV4(address);
    if (v4) {
      const inner = blockedAddressReason(v4);
      if (inner) return `${inner}, inside an IPv6 address`;
    }
    for (const { b, why } of blockLists.v6) if (b.check(address, 'ipv6')) return why;
    return null;
  }
  return 'not an IP address';
}

/** A request to a feed address that is not on the public internet. */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_SKILLPATH_BLOCKED_ADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly why: string,
  ) {
    super(
      `${host} resolves to ${address}, ${why}: feeds may only reach the public internet (set SOURCE_ALLOW_PRIVATE_NETWORKS=true for on-premises feeds)`,
    );
    this.name = 'BlockedAddressError';
  }
}

/**
 * A `lookup` for http(s).request that resolves the name, refuses the answer when any address is not
 * public, and hands the connection exactly the address it checked: the socket connects to what was
 * checked, so a DNS answer that changes between check and connect (rebinding) cannot slip through.
 */
export function guardedLookup(allowPrivate: boolean, exceptions: readonly string[] = []): LookupFunction {
  return ((hostname: string, options: unknown, callback: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (
      err: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void;
    const opts = (typeof options === 'object' && options !== null ? options : {}) as {
      all?: boolean;
      family?: number;
    };
    dnsLookup(hostname, { all: true, family: opts.family ?? 0, verbatim: true }, (err, addresses) => {
      if (err) return cb(err, opts.all ? [] : '', undefined);
      if (!addresses.length)
        return cb(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      if (!allowPrivate) {
        for (const a of addresses) {
          const why = exceptions.includes(a.address) ? null : blockedAddressReason(a.address);
          if (why) return cb(new BlockedAddressError(hostname, a.address, why), opts.all ? [] : '');
        }
      }
      const chosen = addresses[0];
      if (opts.all) cb(null, [chosen]);
      else cb(null, chosen.address, chosen.family);
    });
  }) as LookupFunction;
}

/** Refuses a URL whose host is an IP literal that is not public (the lookup is not called for those). */
export function checkLiteralHost(url: URL, allowPrivate: boolean, exceptions: readonly string[] = []): void {
  if (allowPrivate) return;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host) && !exceptions.includes(host)) {
    const why = blockedAddressReason(host);
    if (why) throw new BlockedAddressError(url.hostname, host, why);
  }
}
