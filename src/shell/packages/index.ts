// The simulated package managers, as one table the shell merges into its builtins.
import type { CommandTable } from '../types';
import { apk } from './apk';
import { aptGet } from './apt';
import { dpkg, rpm } from './query';
import { yum } from './yum';

/**
 * packageCommands: yum, dnf, apt-get, apt, apk, rpm and dpkg, each working on the container's files.
 * @example
 * const code = packageCommands['yum']({ fs, args: ['install', '-y', 'vim'], cwd: '/', env: {}, stdin: '',
 *   stdout: (t) => out.push(t), stderr: (t) => err.push(t), uid: 0, gid: 0, run: () => 0 });
 */
export const packageCommands: CommandTable = {
  yum,
  dnf: yum,
  'apt-get': aptGet,
  apt: aptGet,
  apk,
  rpm,
  dpkg,
};
