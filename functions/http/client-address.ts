/**
 * The visitor's address, which the rate limits count by. Behind a proxy every request comes from the proxy, so
 * the proxy's `X-Forwarded-For` names the visitor, but anyone can send that header: it is believed only from a
 * proxy listed in TRUSTED_PROXIES, read from the right, skipping the listed proxies, as each appends the address
 * it got the request from.
 */
import { BlockList, isIP } from 'node:net';

/** IPv4 addresses as an IPv6 socket reports them (::ffff:203.0.113.7) are their IPv4 selves. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.trim().split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList,
): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map(plain)
    .filter(Boolean);
  const chain = [...forwarded, plain(socketAddress ?? '')];
  let index = chain.length - 1;
  while (index > 0 && isTrusted(trusted, chain[index] ?? '')) index -= 1;
  return chain[index] ?? '';
}
