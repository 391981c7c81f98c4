import { describe, expect, it } from 'vitest';
import { bytesUnder, containerFs, run } from './helpers';

describe('apt-get on debian:bookworm', () => {
  it('cannot find anything before apt-get update, like a fresh Debian image (exit 100)', () => {
    const result = run(containerFs('debian:bookworm'), 'apt-get install -y curl');
    expect(result.code).toBe(100);
    expect(result.stderr).toBe('E: Unable to locate package curl\n');
  });

  it('downloads package lists with update, and apt-get clean does not remove them', () => {
    const fs = containerFs('debian:bookworm');
    expect(run(fs, 'apt-get update').code).toBe(0);
    const lists = bytesUnder(fs, '/var/lib/apt/lists');
    expect(lists).toBeGreaterThan(10_000_000);
    run(fs, 'apt-get clean');
    expect(bytesUnder(fs, '/var/lib/apt/lists')).toBe(lists);
  });

  it('installs recommended packages by default and skips them with --no-install-recommends', () => {
    const withRecommends = containerFs('debian');
    run(withRecommends, 'apt-get update');
    expect(run(withRecommends, 'apt-get install -y curl').code).toBe(0);
    expect(withRecommends.existsSync('/usr/bin/curl')).toBe(true);
    expect(withRecommends.existsSync('/etc/ssl/certs/ca-certificates.crt')).toBe(true);

    const lean = containerFs('debian');
    run(lean, 'apt-get update');
    const result = run(lean, 'apt-get install -y --no-install-recommends curl');
    expect(result.code).toBe(0);
    expect(lean.existsSync('/usr/bin/curl')).toBe(true);
    // ca-certificates is only a Recommends of libcurl4: the classic "curl: (77)" surprise.
    expect(lean.existsSync('/etc/ssl/certs/ca-certificates.crt')).toBe(false);
  });

  it('records installs in /var/lib/dpkg/status, so dpkg -l and dpkg -L see them', () => {
    const fs = containerFs('debian');
    run(fs, 'apt-get update');
    run(fs, 'apt-get install -y --no-install-recommends curl');
    expect(fs.readFileSync('/var/lib/dpkg/status').toString()).toContain('Package: curl\nStatus: install ok installed\n');
    expect(run(fs, 'dpkg -l').stdout).toMatch(/^ii  curl +7\.88\.1-10\+deb12u5 +amd64 /m);
    expect(run(fs, 'dpkg -L curl').stdout).toContain('/usr/bin/curl\n');
  });

  it('aborts without -y, as apt does when nobody can answer the prompt', () => {
    const fs = containerFs('debian');
    run(fs, 'apt-get update');
    const result = run(fs, 'apt-get install curl');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Do you want to continue? [Y/n] Abort.');
    expect(fs.existsSync('/usr/bin/curl')).toBe(false);
  });

  it('needs root for the dpkg lock', () => {
    const result = run(containerFs('debian'), 'apt-get update', 1000);
    expect(result.code).toBe(100);
    expect(result.stderr).toContain('are you root?');
  });
});
