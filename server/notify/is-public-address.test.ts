import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './is-public-address.js';

describe('isPublicAddress', () => {
  const refused = {
    loopback: ['127.0.0.1', '127.255.0.9', '::1'],
    'RFC 1918 private': ['10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1'],
    'link-local and cloud metadata': ['169.254.169.254', '169.254.0.1', 'fe80::1', 'fe80::1%eth0'],
    'unique-local': ['fc00::1', 'fd12:3456::1', 'fd00:ec2::254'],
    unspecified: ['0.0.0.0', '0.1.2.3', '::'],
    'multicast and broadcast': ['224.0.0.1', '239.255.255.250', '255.255.255.255', 'ff02::1'],
    'carrier-grade NAT': ['100.64.0.1', '100.127.255.254'],
    'documentation and reserved': ['192.0.2.1', '198.51.100.7', '203.0.113.9', '240.0.0.1', '2001:db8::1', '198.18.0.1'],
    'IPv6 carrying a private IPv4': ['::ffff:127.0.0.1', '::ffff:169.254.169.254', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2002:a00:1::1'],
    'outside global unicast': ['100::1', '::7f00:1'],
    'not an address': ['localhost', 'example.com', '', '1.2.3'],
  };
  for (const [kind, addresses] of Object.entries(refused)) {
    it(`refuses ${kind}`, () => {
      for (const address of addresses) expect(isPublicAddress(address), address).toBe(false);
    });
  }

  it('accepts public unicast, also when IPv4-mapped', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001::200e', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });
});
