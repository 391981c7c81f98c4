// Times as Docker prints them. Configs store RFC 3339 text with up to nine
// fractional digits; the API turns it into Unix seconds for `history` and
// `image ls`, and back into Go's RFC3339Nano for `inspect`.
import { humanDuration } from './units';

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * unixSeconds turns an RFC 3339 time into whole Unix seconds (rounded down,
 * like Go's `Time.Unix`), or `undefined` when the text is not such a time.
 *
 * @example
 * unixSeconds('2018-12-28T20:44:23.030424642Z'); // 1546029863
 */
export function unixSeconds(time: string): number | undefined {
  const match = RFC3339.exec(time);
  if (!match) return undefined;
  const ms = Date.parse(`${match[1]}${match[3]}`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/**
 * goRfc3339Nano rewrites an RFC 3339 time the way Go's
 * `Format(time.RFC3339Nano)` prints it after parsing: trailing zeros of the
 * fraction dropped (and the dot if nothing is left), a zero offset as `Z`.
 * Other text is returned unchanged.
 *
 * @example
 * goRfc3339Nano('2024-01-02T03:04:05.120000000+00:00'); // '2024-01-02T03:04:05.12Z'
 */
export function goRfc3339Nano(time: string): string {
  const match = RFC3339.exec(time);
  if (!match) return time;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const zone = match[3] === '+00:00' ? 'Z' : match[3];
  return match[1] + (fraction ? '.' + fraction : '') + zone;
}

/**
 * rfc3339Utc prints Unix seconds as RFC 3339 in UTC, what `docker history -H=false`
 * prints in a UTC time zone (the real CLI uses the local zone).
 *
 * @example
 * rfc3339Utc(1546029863); // '2018-12-28T20:44:23Z'
 */
export function rfc3339Utc(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** MIN_MEANINGFUL_TIME: 2000-01-01T00:00:00Z; older build times show as N/A (formats.md 1.5). */
const MIN_MEANINGFUL_TIME = 946_684_800;

/**
 * createdSince is the CREATED column: "2 weeks ago", or `N/A` for images dated
 * at or before 2000-01-01 (such as reproducible builds with SOURCE_DATE_EPOCH=0).
 *
 * @example
 * createdSince(1546029863, Date.parse('2019-01-15T00:00:00Z')); // '2 weeks ago'
 */
export function createdSince(seconds: number, nowMs: number): string {
  if (seconds <= MIN_MEANINGFUL_TIME) return 'N/A';
  return humanDuration(nowMs - seconds * 1000) + ' ago';
}
