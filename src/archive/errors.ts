// Errors of the archive domain: small classes with a `code`, the data a user needs and a message
// that says what to do (STYLE.md point 5). Digest mismatches reuse the layer's DigestMismatchError,
// tar damage its TarFormatError, compression trouble its CompressionFormatError.

/**
 * InvalidArchiveError: an archive is not a `docker save` tar or an OCI layout we can trust — a
 * malformed JSON file, a missing blob, an entry that climbs out of the archive… `data.archive`
 * names the archive, `data.file` the file inside it (when there is one), `data.reason` the problem.
 *
 * @example
 * try { await importArchive('broken.tar'); } catch (e) { if (isArchiveError(e)) console.log(e.data.reason); }
 */
export class InvalidArchiveError extends Error {
  readonly code = 'EARCHIVE';
  readonly name = 'InvalidArchiveError';
  /** cause: the lower-level error (TarFormatError, CompressionFormatError…) when there was one. */
  readonly cause?: unknown;
  /** `data.advice` says what to do, when the usual advice (save or export the image again) does not fit. */
  constructor(readonly data: { archive: string; file?: string; reason: string; advice?: string }, cause?: unknown) {
    super(`EARCHIVE: ${data.archive}${data.file ? ` (${data.file})` : ''}: ${data.reason}. ` +
      (data.advice ?? 'The archive is damaged, truncated or hand-made; save or export the image again.'));
    if (cause !== undefined) this.cause = cause;
  }
}

/**
 * ImageNotInArchiveError: the archive holds no image matching the reference asked for, or holds
 * several and none was asked for. `data.available` lists what is there (tags or image IDs).
 *
 * @example
 * try { await importArchive('two.tar'); } catch (e) { console.log(e.data.available); }
 */
export class ImageNotInArchiveError extends Error {
  readonly code = 'ENOIMAGE';
  readonly name = 'ImageNotInArchiveError';
  constructor(readonly data: { archive: string; reference?: string; available: string[] }) {
    super(`ENOIMAGE: ${data.archive} ${data.reference === undefined ? `holds ${data.available.length} images` : `has no image '${data.reference}'`}; ` +
      `pick one of: ${data.available.join(', ') || '(none)'}.`);
  }
}

/**
 * MaterializeError: a layer cannot be written to a real directory safely (a path would leave the
 * target, a helper program failed). `data.path` is the offending path.
 *
 * @example
 * try { await materialize(image, { dir }); } catch (e) { if (isArchiveError(e)) console.log(e.data); }
 */
export class MaterializeError extends Error {
  readonly code = 'EMATERIALIZE';
  readonly name = 'MaterializeError';
  constructor(readonly data: { path: string; reason: string }) {
    super(`EMATERIALIZE: ${data.path}: ${data.reason}; nothing was written outside the target directory.`);
  }
}

/**
 * isArchiveError is a realm-safe type guard for the errors of this file (checks `name`, not
 * `instanceof`, because notebook cells are separate realms).
 *
 * @example
 * if (isArchiveError(err)) console.log(err.code);
 */
export function isArchiveError(error: unknown): error is InvalidArchiveError | ImageNotInArchiveError | MaterializeError | InvalidSourceError {
  const name = (error as { name?: unknown } | null)?.name;
  return ['InvalidArchiveError', 'ImageNotInArchiveError', 'MaterializeError', 'InvalidSourceError'].includes(String(name));
}

/**
 * InvalidSourceError: an image location is not written as `TRANSPORT:PATH[:REF]` with a transport
 * this kit knows. `data.text` is what was given, `data.known` the transports accepted.
 *
 * @example
 * try { await openSource('docker://alpine'); } catch (e) { console.log(e.data.known); }
 */
export class InvalidSourceError extends Error {
  readonly code = 'ESOURCE';
  readonly name = 'InvalidSourceError';
  constructor(readonly data: { text: string; known: string[] }) {
    super(`ESOURCE: '${data.text}' is not an image location; write TRANSPORT:PATH[:REF] with TRANSPORT one of ${data.known.join(', ')} (as skopeo does).`);
  }
}
