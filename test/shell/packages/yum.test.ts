import { describe, expect, it } from 'vitest';
import { bytesUnder, containerFs, run } from './helpers';

describe('yum on centos:latest', () => {
  it('installs vim with its four dependencies, as CentOS 8 does', () => {
    const fs = containerFs('centos:latest');
    const result = run(fs, 'yum install -y vim');
    expect(result.code).toBe(0);
    // vim-enhanced pulls vim-common, vim-filesystem, gpm-libs and which on a CentOS 8 image.
    for (const name of ['vim-enhanced', 'vim-common', 'vim-filesystem', 'gpm-libs', 'which']) expect(result.stdout).toContain(` ${name} `);
    expect(result.stdout).toContain('Install  5 Packages');
    expect(result.stdout).toMatch(/Complete!\n$/);
    expect(fs.existsSync('/usr/bin/vim')).toBe(true);
    expect(fs.readlinkSync('/usr/bin/rvim')).toBe('vim');
    expect(fs.existsSync('/usr/share/vim/vim80/syntax/python.vim')).toBe(true);
    expect(fs.existsSync('/usr/bin/which')).toBe(true);
    expect(fs.statSync('/usr/bin/vim').mode & 0o777).toBe(0o755);
  });

  it('prints the sizes real dnf printed for this transaction: 7.8 M to download, 30 M installed', () => {
    const result = run(containerFs('centos'), 'yum install -y vim');
    expect(result.stdout).toContain('Total download size: 7.8 M');
    expect(result.stdout).toContain('Installed size: 30 M');
  });

  it('writes about 30 MiB of vim files, matching the installed size it announced', () => {
    const fs = containerFs('centos');
    const before = bytesUnder(fs, '/usr/share/vim');
    run(fs, 'yum install -y vim');
    const vimRuntime = bytesUnder(fs, '/usr/share/vim') - before;
    expect(vimRuntime).toBeGreaterThan(15_000_000); // the runtime alone is well over half of vim's 30 MiB
    expect(fs.statSync('/usr/bin/vim').size).toBeGreaterThan(2_500_000);
  });

  it('records the packages in the rpm database, so rpm -qa lists them', () => {
    const fs = containerFs('centos');
    const before = fs.statSync('/var/lib/rpm/Basenames').size;
    run(fs, 'yum install -y vim');
    const query = run(fs, 'rpm -qa');
    expect(query.stdout).toContain('vim-enhanced-8.0.1763-15.el8.x86_64\n');
    expect(query.stdout).toContain('which-2.21-12.el8.x86_64\n');
    expect(query.stdout).toContain('bash-4.4.20-1.el8_4.x86_64\n');
    expect(fs.statSync('/var/lib/rpm/Basenames').size).toBeGreaterThan(before);
    expect(run(fs, 'rpm -q vim-enhanced').code).toBe(0);
  });

  it('leaves tens of MB of repository metadata in /var/cache/dnf, which yum clean all removes', () => {
    const fs = containerFs('centos');
    expect(bytesUnder(fs, '/var/cache/dnf')).toBe(0);
    run(fs, 'yum install -y which');
    expect(bytesUnder(fs, '/var/cache/dnf')).toBeGreaterThan(20_000_000);
    const clean = run(fs, 'yum clean all');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^\d+ files removed\n$/);
    expect(bytesUnder(fs, '/var/cache/dnf')).toBe(0);
    expect(fs.existsSync('/var/cache/dnf')).toBe(true);
  });

  it('fails like dnf for an unknown package: No match for argument, exit 1', () => {
    const result = run(containerFs('centos'), 'yum install -y nosuchpkg');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('No match for argument: nosuchpkg\n');
    expect(result.stderr).toBe('Error: Unable to find a match: nosuchpkg\n');
  });

  it('aborts without -y, because a build has no terminal to answer "Is this ok"', () => {
    const fs = containerFs('centos');
    const result = run(fs, 'yum install vim');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Operation aborted.');
    expect(fs.existsSync('/usr/bin/vim')).toBe(false);
  });

  it('says a package from the base image is already installed', () => {
    const result = run(containerFs('centos'), 'dnf install -y curl');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Package curl-7.61.1-18.el8.x86_64 is already installed.');
    expect(result.stdout).toContain('Nothing to do.');
  });

  it('refuses to run as a non-root user', () => {
    const result = run(containerFs('centos'), 'yum install -y vim', 1000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has to be run with superuser privileges');
  });

  it('removes a package and its files with remove -y', () => {
    const fs = containerFs('centos');
    run(fs, 'yum install -y which');
    const result = run(fs, 'yum remove -y which');
    expect(result.code).toBe(0);
    expect(fs.existsSync('/usr/bin/which')).toBe(false);
    expect(run(fs, 'rpm -q which').stdout).toBe('package which is not installed\n');
  });

  it('is not there on Alpine', () => {
    expect(run(containerFs('alpine'), 'yum install -y vim').code).toBe(127);
  });
});
