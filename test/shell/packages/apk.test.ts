import { describe, expect, it } from 'vitest';
import { bytesUnder, containerFs, run } from './helpers';

describe('apk on alpine:latest', () => {
  it('adds curl and its libraries and records them in /lib/apk/db/installed and world', () => {
    const fs = containerFs('alpine');
    const result = run(fs, 'apk add curl');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\(\d+\/\d+\) Installing curl \(8\.9\.1-r1\)\n/);
    expect(fs.existsSync('/usr/bin/curl')).toBe(true);
    expect(fs.readFileSync('/lib/apk/db/installed').toString()).toContain('P:curl\nV:8.9.1-r1\n');
    expect(fs.readFileSync('/etc/apk/world').toString().split('\n')).toContain('curl');
    expect(result.stdout).toMatch(/OK: \d+ MiB in \d+ packages\n$/);
  });

  it('leaves the APKINDEX files in /var/cache/apk unless --no-cache is given', () => {
    const cached = containerFs('alpine');
    run(cached, 'apk add curl');
    expect(bytesUnder(cached, '/var/cache/apk')).toBeGreaterThan(1_000_000);
    const lean = containerFs('alpine');
    run(lean, 'apk add --no-cache curl');
    expect(bytesUnder(lean, '/var/cache/apk')).toBe(0);
    expect(lean.existsSync('/usr/bin/curl')).toBe(true);
  });

  it('fails like apk for an unknown package (exit 1)', () => {
    const result = run(containerFs('alpine'), 'apk add --no-cache nosuchpkg');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ERROR: unable to select packages:\n  nosuchpkg (no such package):\n    required by: world[nosuchpkg]\n');
  });

  it('deletes a package with apk del', () => {
    const fs = containerFs('alpine');
    run(fs, 'apk add --no-cache curl');
    expect(run(fs, 'apk del curl').code).toBe(0);
    expect(fs.existsSync('/usr/bin/curl')).toBe(false);
    expect(fs.readFileSync('/lib/apk/db/installed').toString()).not.toContain('P:curl\n');
  });
});
