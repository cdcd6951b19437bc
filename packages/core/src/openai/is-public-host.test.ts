import { describe, expect, it } from 'vitest';
import { isPublicHost } from './is-public-host';

const hostOf = (url: string) => new URL(url).hostname;

describe('isPublicHost', () => {
  it.each([
    'https://127.0.0.1/',
    'https://127.1.2.3/',
    'https://2130706433/', // decimal spelling of 127.0.0.1
    'https://0x7f.1/', // hex spelling
    'https://0177.0.0.1/', // octal spelling
    'https://0.0.0.0/',
    'https://10.1.2.3/',
    'https://172.31.255.255/',
    'https://192.168.0.10/',
    'https://169.254.169.254/', // cloud metadata
    'https://100.64.0.1/',
    'https://224.0.0.1/',
    'https://255.255.255.255/',
    'https://[::1]/',
    'https://[::]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:10.0.0.1]/',
    'https://[64:ff9b::192.168.1.1]/',
    'https://[fe80::1]/',
    'https://[fc00::1]/',
    'https://[fd12:3456::1]/',
    'https://[ff02::1]/',
    'https://[2001:db8::1]/',
    'https://[2002:7f00:1::]/',
    'https://localhost/',
    'https://LOCALHOST./',
    'https://images.localhost/',
  ])('refuses %s', (url) => {
    expect(isPublicHost(hostOf(url))).toBe(false);
  });

  it.each([
    'https://images.example.com/',
    'https://8.8.8.8/',
    'https://172.32.0.1/',
    'https://192.169.0.1/',
    'https://[2606:4700::1111]/',
    'https://[::ffff:8.8.8.8]/',
    'https://1.1.1.1./',
  ])('allows %s', (url) => {
    expect(isPublicHost(hostOf(url))).toBe(true);
  });
});
