// Errors of the archive domain: small classes with a `code`, the data a user needs and a message
// that says what to do (STYLE.md point 5). Digest mismatches reuse the layer's DigestMismatchError,
// tar damage its TarFormatError, compression trouble its CompressionFormatError.

/**
 * InvalidArchiveError: an archive is not a `docker save` tar or an OCI layout we can trust — a
 * malformed JSON file, a missing blob, an entry that climbs out of the archive… `data.archive`
 * names the archive, `data.file` the file inside it (when there is one), `data.reason` the problem.
 *
 * @example
 * try { await importArchive(writeTar([])); } catch (err) { console.log(err.message); } // an empty tar
 * // → EARCHIVE: archive bytes: it has neither manifest.json nor index.json
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
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * try { await importArchive(ociArchiveBytes(image, { tags: ['v1', 'v2'] })); } catch (err) { console.log(err.message); }
 * // → ENOIMAGE: archive bytes holds 2 images; pick one of: v1, v2.
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
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const dir = mkdtempSync(join(tmpdir(), 'layerlab-ov2-')); writeFileSync(join(dir, 'x'), 'in the way');
 * try { materialize(image, { dir }); } catch (err) { console.log(err.data.reason); } // → the target directory is not empty
 * rmSync(dir, { recursive: true });
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
 * let caught: unknown; try { await importArchive(new Uint8Array(2048)); } catch (err) { caught = err; }
 * isArchiveError(caught) && caught.code // → EARCHIVE
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
 * try { await openSource('docker://alpine'); } catch (e) { console.log(e.data.known); } // → [ 'docker-archive', 'oci', 'oci-archive' ]
 */
export class InvalidSourceError extends Error {
  readonly code = 'ESOURCE';
  readonly name = 'InvalidSourceError';
  constructor(readonly data: { text: string; known: string[] }) {
    super(`ESOURCE: '${data.text}' is not an image location; write TRANSPORT:PATH[:REF] with TRANSPORT one of ${data.known.join(', ')} (as skopeo does).`);
  }
}
