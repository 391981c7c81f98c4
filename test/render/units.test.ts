import { describe, expect, it } from 'vitest';
import { formatGoG } from '../../src/render/go-format';
import { humanDuration, renderBytes } from '../../src/render/units';

describe('renderBytes (go-units HumanSizeWithPrecision(n, 3))', () => {
  it.each([
    [1154361, '1.15MB'], // formats.md 1.5
    [0, '0B'], // formats.md 1.5
    [139_000_000, '139MB'],
    [10752, '10.8kB'],
    [1000, '1kB'],
    [999, '999B'],
    [4261, '4.26kB'],
    [1125, '1.12kB'], // 1.125 is exact in binary: Go rounds the tie to even
    [999_500, '1e+03kB'], // %.3g of 999.5 switches to exponent form, a real Go quirk
    [1_500_000_000, '1.5GB'],
  ])('%d bytes -> %s', (bytes, expected) => {
    expect(renderBytes(bytes)).toBe(expected);
  });
});

describe('formatGoG', () => {
  it.each([
    [100, 3, '100'],
    [0.0001234, 3, '0.000123'],
    [0.00001234, 3, '1.23e-05'],
    [123456, 3, '1.23e+05'],
    [2.5, 1, '2'],
    [3.5, 1, '4'],
  ])('%%.%2$dg of %1$d is %3$s', (x, precision, expected) => {
    expect(formatGoG(x, precision)).toBe(expected);
  });
});

describe('humanDuration (go-units)', () => {
  const s = 1000;
  const h = 3600 * s;
  it.each([
    [0.5 * s, 'Less than a second'],
    [1 * s, '1 second'],
    [59 * s, '59 seconds'],
    [60 * s, 'About a minute'],
    [119 * s, 'About a minute'],
    [45 * 60 * s, '45 minutes'],
    [89 * 60 * s, 'About an hour'],
    [91 * 60 * s, '2 hours'],
    [47 * h, '47 hours'],
    [48 * h, '2 days'],
    [13 * 24 * h, '13 days'],
    [14 * 24 * h, '2 weeks'],
    [59 * 24 * h, '8 weeks'],
    [60 * 24 * h, '2 months'],
    [729 * 24 * h, '24 months'],
    [730 * 24 * h, '2 years'],
  ])('%d ms -> %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});
