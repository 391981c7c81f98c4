// Errors of the tar machinery: one small class with a code, the data to find the problem, and a
// message that says what to do (STYLE.md §5).

/** TarFormatErrorData locates a problem: which entry (0-based), its name when known, which byte. */
export interface TarFormatErrorData {
  entryIndex: number;
  name?: string;
  offset: number;
  reason: string;
}

/**
 * TarFormatError says that bytes are not a tar we can trust, or that an entry cannot be written
 * as a tar header. `code` is always 'ETARFORMAT'.
 *
 * @example
 * try { readTar(new Uint8Array(100)); } catch (e) { if (isTarFormatError(e)) console.log(e.data.offset); } // → 0
 */
export class TarFormatError extends Error {
  readonly code = 'ETARFORMAT';
  readonly data: TarFormatErrorData;

  constructor(data: TarFormatErrorData) {
    const who = data.name === undefined ? `entry ${data.entryIndex}` : `entry ${data.entryIndex} '${data.name}'`;
    super(`ETARFORMAT: ${data.reason} (${who}, byte ${data.offset}). ` +
      'The archive is damaged or was not written as a tar; re-export the layer and check its digest.');
    this.name = 'TarFormatError';
    this.data = data;
  }
}

/**
 * isTarFormatError is a type guard that also works across realms (notebook cells), where
 * `instanceof` fails: it checks the name and code.
 *
 * @example
 * let caught: unknown; try { readTar(new Uint8Array(100)); } catch (err) { caught = err; }
 * isTarFormatError(caught) && caught.data.reason // → the archive is truncated inside a header
 */
export function isTarFormatError(error: unknown): error is TarFormatError {
  const e = error as { name?: unknown; code?: unknown } | null;
  return typeof e === 'object' && e !== null && e.name === 'TarFormatError' && e.code === 'ETARFORMAT';
}
