// Errors of the simulated Docker host, worded as the Docker CLI words them.

/**
 * NoSuchObjectError: an image or container reference that names nothing.
 * @example
 * try { new Docker().container('web'); } catch (err) { console.log(err instanceof NoSuchObjectError, err.data); }
 * // → true { kind: 'container', reference: 'web' }
 */
export class NoSuchObjectError extends Error {
  readonly code = 'ENOSUCHOBJECT';
  readonly name = 'NoSuchObjectError';
  constructor(readonly data: { kind: 'image' | 'container'; reference: string }) {
    super(data.kind === 'image'
      ? `Error response from daemon: No such image: ${data.reference}`
      : `Error response from daemon: No such container: ${data.reference}`);
  }
}

/**
 * isNoSuchObjectError: also true across notebook realms.
 * @example
 * let caught: unknown;
 * try { new Docker().image('nothere:latest'); } catch (err) { caught = err; }
 * isNoSuchObjectError(caught) && caught.message // → Error response from daemon: No such image: nothere:latest
 */
export function isNoSuchObjectError(error: unknown): error is NoSuchObjectError {
  return (error as { name?: unknown } | null)?.name === 'NoSuchObjectError';
}

/** ContainerNotRunningError: `docker exec` into a container that has exited. */
export class ContainerNotRunningError extends Error {
  readonly code = 'ENOTRUNNING';
  readonly name = 'ContainerNotRunningError';
  constructor(readonly container: string) {
    super(`Error response from daemon: container ${container} is not running`);
  }
}
