// Human units as docker/go-units prints them (formats.md 1.5).
import { formatGoG } from './go-format';

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/**
 * renderBytes prints a size the way `docker history` and `docker image ls` do:
 * go-units `HumanSizeWithPrecision(n, 3)`, decimal units (1 kB = 1000 B),
 * three significant digits, no space.
 *
 * @example
 * renderBytes(1154361); // → 1.15MB
 * renderBytes(0);       // → 0B
 * renderBytes(4261);    // → 4.26kB
 */
export function renderBytes(bytes: number, precision = 3): string {
  let size = bytes;
  let unit = 0;
  // Repeated float division, exactly as go-units does it: the rounding of the
  // quotient (not of bytes/10^k) decides the last digit.
  while (size >= 1000 && unit < DECIMAL_UNITS.length - 1) {
    size = size / 1000;
    unit++;
  }
  return formatGoG(size, precision) + DECIMAL_UNITS[unit];
}

/**
 * humanDuration is go-units `HumanDuration`: "Less than a second",
 * "About a minute", "3 hours", "2 weeks", "5 months", "2 years"…
 * Hours are rounded to the nearest hour before the larger units are chosen.
 *
 * @example
 * humanDuration(90 * 60 * 1000);          // '2 hours'
 * humanDuration(15 * 24 * 3600 * 1000);   // '2 weeks'
 */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.trunc(milliseconds / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(milliseconds / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(milliseconds / 3_600_000) / 24 / 365)} years`;
}
