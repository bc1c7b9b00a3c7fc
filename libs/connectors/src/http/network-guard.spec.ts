import { blockedAddressReason } from './network-guard';

describe('blockedAddressReason', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fd00:ec2::254',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe', // NAT64 of 169.254.169.254
    '2002:7f00:1::1', // 6to4 of 127.0.0.1
    'ff02::1',
  ])('refuses %s', (address) => {
    expect(blockedAddressReason(address)).not.toBeNull();
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '151.101.1.69',
    '2a00:1450:4009:81f::200e',
    '2606:4700::1111',
  ])('lets %s through', (address) => {
    expect(blockedAddressReason(address)).toBeNull();
  });

  it('names the metadata address in its reason', () => {
    expect(blockedAddressReason('169.254.169.254')).toMatch(/metadata/);
    expect(blockedAddressReason('fd00:ec2::254')).toMatch(/metadata/);
  });
});
