import { describe, expect, it } from 'vitest';
import { describeDevice, groupSecret, recoveryCodesFile } from './device';

describe('describeDevice', () => {
  it('names common browsers and systems', () => {
    expect(describeDevice('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36')).toBe('Chrome on Linux');
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0')).toBe('Edge on Windows');
    expect(describeDevice('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15')).toBe('Safari on macOS');
    expect(describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1')).toBe('Safari on iOS');
    expect(describeDevice('Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0')).toBe('Firefox on Android');
  });

  it('falls back to the client name, or says it is unknown', () => {
    expect(describeDevice('curl/8.5.0')).toBe('curl');
    expect(describeDevice('node')).toBe('node');
    expect(describeDevice('')).toBe('Unknown device');
    expect(describeDevice(null)).toBe('Unknown device');
  });
});

describe('groupSecret and recoveryCodesFile', () => {
  it('groups a secret in fours', () => {
    expect(groupSecret('AQXTKNGOYSOT55PJSX274LRFG7SIURGW')).toBe('AQXT KNGO YSOT 55PJ SX27 4LRF G7SI URGW');
  });

  it('writes one code per line under a heading', () => {
    const file = recoveryCodesFile('a@example.com', ['aaaa-bbbb', 'cccc-dddd'], new Date('2026-01-02T10:00:00Z'));
    expect(file.split('\n')).toEqual(expect.arrayContaining(['Atrium recovery codes for a@example.com', 'aaaa-bbbb', 'cccc-dddd']));
    expect(file).toContain('Created 2026-01-02.');
  });
});
