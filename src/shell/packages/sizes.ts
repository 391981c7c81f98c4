// How each tool prints a byte count. They differ, and students compare them with `docker history`.

/**
 * dnfSize formats like dnf's `format_number`: 1024-based, one decimal below 10 (`1.4 M`, `39 k`, `30 M`).
 * @example
 * dnfSize(31370093); // '30 M'
 */
export function dnfSize(bytes: number): string {
  const symbols = [' ', 'k', 'M', 'G'];
  let value = bytes;
  let depth = 0;
  while (value > 999 && depth < symbols.length - 1) { value /= 1024; depth++; }
  if (depth === 0) return `${value} ${symbols[0]}`.trimEnd();
  return `${value < 9.95 ? value.toFixed(1) : value.toFixed(0)} ${symbols[depth]}`;
}

/**
 * aptSize formats like apt's SizeToStr: 1000-based, below 100 with one decimal (`315 kB`, `8787 kB`, `55.4 kB`).
 * @example
 * aptSize(315000); // '315 kB'
 */
export function aptSize(bytes: number): string {
  const units = ['', 'k', 'M', 'G', 'T'];
  let value = bytes;
  for (let depth = 0; depth < units.length; depth++) {
    if (value < 100 && depth !== 0) return `${value.toFixed(1)} ${units[depth]}B`;
    if (value < 10000) return `${value.toFixed(0)} ${units[depth]}B`;
    value /= 1000;
  }
  return `${value.toFixed(0)} PB`;
}

/**
 * apkSize formats like apk's summary line: whole MiB (`OK: 13 MiB in 19 packages`).
 * @example
 * apkSize(13 * 1048576); // '13 MiB'
 */
export function apkSize(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
