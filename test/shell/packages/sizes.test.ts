import { describe, expect, it } from 'vitest';
import { apkSize, aptSize, dnfSize } from '../../../src/shell/packages/sizes';

// Expected strings are what the real tools print for these byte counts (format rules in sizes.ts).
describe('size formats', () => {
  it.each([[39_500, '39 k'], [1_437_000, '1.4 M'], [8_194_100, '7.8 M'], [31_370_093, '30 M'], [48, '48']])('dnf prints %i as %s', (bytes, text) => {
    expect(dnfSize(bytes)).toBe(text);
  });
  it.each([[151_000, '151 kB'], [55_400, '55.4 kB'], [8_787_000, '8787 kB'], [13_800, '13.8 kB'], [512, '512 B']])('apt prints %i as %s', (bytes, text) => {
    expect(aptSize(bytes)).toBe(text);
  });
  it('apk prints whole MiB', () => {
    expect(apkSize(13 * 1048576 + 1000)).toBe('13 MiB');
  });
});
