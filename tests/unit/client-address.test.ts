import { describe, expect, it } from 'vitest';
import { clientAddressOf, trustedProxies } from '#functions/http/client-address.ts';

describe('clientAddressOf', () => {
  const none = trustedProxies([]);
  const behindProxy = trustedProxies(['127.0.0.1', '10.0.0.0/8']);

  it('is the address the request came from when no proxy is trusted, whatever the headers say', () => {
    expect(clientAddressOf('203.0.113.7', undefined, none)).toBe('203.0.113.7');
    expect(clientAddressOf('203.0.113.7', '198.51.100.1', none)).toBe('203.0.113.7');
  });

  it('reads X-Forwarded-For from a trusted proxy, from the right, skipping the trusted ones', () => {
    expect(clientAddressOf('127.0.0.1', '198.51.100.1', behindProxy)).toBe('198.51.100.1');
    expect(clientAddressOf('10.1.2.3', '198.51.100.1, 10.0.0.5', behindProxy)).toBe('198.51.100.1');
    // Whatever the visitor wrote into the header themselves stays to the left of what the proxy appended.
    expect(clientAddressOf('127.0.0.1', '6.6.6.6, 198.51.100.1', behindProxy)).toBe('198.51.100.1');
    expect(clientAddressOf('127.0.0.1', ['6.6.6.6', '198.51.100.1'], behindProxy)).toBe('198.51.100.1');
  });

  it('takes IPv4 addresses as an IPv6 socket reports them, and a proxy with no header as the visitor', () => {
    expect(clientAddressOf('::ffff:127.0.0.1', '198.51.100.1', behindProxy)).toBe('198.51.100.1');
    expect(clientAddressOf('::ffff:203.0.113.7', undefined, none)).toBe('203.0.113.7');
    expect(clientAddressOf('127.0.0.1', undefined, behindProxy)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', '10.0.0.1, 10.0.0.2', behindProxy)).toBe('10.0.0.1');
  });
});
