// Errors of the image domain: small classes with a `code`, the data a user
// needs, and a message that says what to do (STYLE.md point 5).

/**
 * InvalidDigestError: a digest, diffID or ID is not `sha256:` + 64 lowercase
 * hex characters. `data.value` is what was given, `data.where` which field.
 *
 * @example
 * try { assertDigest('sha256:abc', 'layer.diffID'); } catch (e) { if (isImageError(e)) console.log(e.code); }
 */
export class InvalidDigestError extends Error {
  readonly code = 'InvalidDigestError';
  readonly data: { value: string; where: string };
  constructor(value: string, where: string) {
    super(
      `${where} is not a sha256 digest: ${JSON.stringify(value)}. ` +
        'Expected "sha256:" followed by 64 lowercase hex characters, e.g. the diffID of a layer.',
    );
    this.name = 'InvalidDigestError';
    this.data = { value, where };
  }
}

/**
 * InvalidImageConfigError: bytes that should be an image config are not JSON,
 * or lack a required member. `data.problem` says which.
 *
 * @example
 * try { parseImageConfig('{}'); } catch (e) { console.log(e.message); }
 */
export class InvalidImageConfigError extends Error {
  readonly code = 'InvalidImageConfigError';
  readonly data: { problem: string };
  constructor(problem: string) {
    super(`Not a usable image config: ${problem}. Pass the config blob (the file named by the image ID), not the manifest.`);
    this.name = 'InvalidImageConfigError';
    this.data = { problem };
  }
}

/**
 * isImageError recognises the errors above by `name` as well as by class,
 * because `instanceof` fails across realms such as notebook cells.
 *
 * @example
 * if (isImageError(err)) console.log(err.code, err.data);
 */
export function isImageError(error: unknown): error is InvalidDigestError | InvalidImageConfigError {
  if (error instanceof InvalidDigestError || error instanceof InvalidImageConfigError) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'InvalidDigestError' || name === 'InvalidImageConfigError';
}
