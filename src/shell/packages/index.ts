// The simulated package managers, as one table the shell merges into its builtins.
import type { CommandTable } from '../types';
import { apk } from './apk';
import { aptGet } from './apt';
import { dpkg, rpm } from './query';
import { yum } from './yum';

/**
 * packageCommands: yum, dnf, apt-get, apt, apk, rpm and dpkg, each working on the container's files.
 * @example
 * const { rootfs } = new Docker().create('alpine:latest');
 * runShell('apk add curl > /dev/null && which curl', { fs: rootfs, commands: packageCommands }).stdout // → /usr/bin/curl
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
