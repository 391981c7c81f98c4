// Image references as the Docker CLI reads them: `name[:tag]`, defaulting the tag to `latest`, and
// "familiar" names (docker.io/library/centos → centos).

/** normalizeReference: `centos` → `centos:latest`; `docker.io/library/centos:8` → `centos:8`. */
export function normalizeReference(ref: string): string {
  const familiar = ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
  const lastSlash = familiar.lastIndexOf('/');
  const hasTag = familiar.lastIndexOf(':') > lastSlash;
  return hasTag || familiar.includes('@') ? familiar : `${familiar}:latest`;
}

/** splitReference: `test:v1` → { repository: 'test', tag: 'v1' }. */
export function splitReference(ref: string): { repository: string; tag: string } {
  const normal = normalizeReference(ref);
  const at = normal.lastIndexOf(':');
  return { repository: normal.slice(0, at), tag: normal.slice(at + 1) };
}
