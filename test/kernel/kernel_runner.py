#!/usr/bin/python3
"""kernel_runner.py: the scenario-runner contract (../shared/spec/scenario-runner.md) on the REAL kernel.

Usage (as root, Linux with overlayfs):
    /usr/bin/python3 test/kernel/kernel_runner.py --base DIR INPUT.json   (INPUT "-" reads stdin)

INPUT is {"scenarios": [...]} (or one scenario) in the simulation runner's input shape: id,
lowers_compact, extra_mount_options, ops, optional mount_data (with $RUN) and upper_init.
For each scenario a fresh directory is made under DIR (never anywhere else); the layers are built
from compact notation, overlay is mounted with mount(2), every op runs, the merged and upper trees
are described in compact notation (src/overlay/compact.ts, src/scenarios/observe.ts), and the mount
is ALWAYS taken down again (umount, then a lazy umount as a fallback) before the directory is removed.
Prints {"results": [...]} on stdout, in the shape of src/scenarios/runner.ts.

Standard library only: mount(2), umount2(2), renameat2(2) and unshare(2) go through ctypes.
"""
import ctypes
import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

LIBC = ctypes.CDLL(None, use_errno=True)
MS_REC, MS_PRIVATE, MNT_DETACH, CLONE_NEWNS, AT_FDCWD = 0x4000, 0x40000, 2, 0x20000, -100
RENAME_FLAGS = {'NOREPLACE': 1, 'EXCHANGE': 2, 'WHITEOUT': 4}
PREFIX = 'trusted.overlay.'
BOOKKEEPING = {'origin', 'impure', 'uuid', 'nlink', 'upper'}
TYPES = {stat.S_IFREG: 'file', stat.S_IFDIR: 'dir', stat.S_IFLNK: 'symlink', stat.S_IFCHR: 'char',
         stat.S_IFBLK: 'block', stat.S_IFIFO: 'fifo'}
# The kernel's names; Python calls 95 ENOTSUP, node and the simulation say EOPNOTSUPP.
ERRNO_NAMES = {errno.EOPNOTSUPP: 'EOPNOTSUPP'}


class OpError(Exception):
    """OpError: an op result that is an error name without an OSError behind it."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def errno_name(number):
    return ERRNO_NAMES.get(number) or errno.errorcode.get(number, 'E%d' % number)


def error_code(error):
    if isinstance(error, OpError):
        return error.code
    return errno_name(error.errno) if isinstance(error, OSError) and error.errno else 'EIO'


# ---- mounting -------------------------------------------------------------------------------------

def private_mount_namespace():
    """Mounts made after this vanish with the process, even if it is killed (a second safety net)."""
    if LIBC.unshare(CLONE_NEWNS) != 0:
        return False
    return LIBC.mount(b'none', b'/', None, MS_REC | MS_PRIVATE, None) == 0


def mount_overlay(data, target):
    """mount_overlay: mount(2) with a data string; returns 'ok' or the errno name."""
    if LIBC.mount(b'overlay', target.encode(), b'overlay', 0, data.encode()) == 0:
        return 'ok'
    return errno_name(ctypes.get_errno())


def unmount(target):
    """unmount: umount, then `umount -l` when the plain one fails; True when it is gone."""
    if LIBC.umount2(target.encode(), 0) == 0:
        return True
    return subprocess.run(['umount', '-l', target], capture_output=True).returncode == 0


def split_unescaped(text, separator):
    parts, current, i = [], '', 0
    while i < len(text):
        if text[i] == '\\' and i + 1 < len(text):
            current += text[i:i + 2]
            i += 2
            continue
        if text[i] == separator:
            parts.append(current)
            current = ''
        else:
            current += text[i]
        i += 1
    parts.append(current)
    return [part for part in parts if part]


def parse_mount_data(data):
    """parse_mount_data: lowers (visible, data-only), upper, work and the other options, as host.ts."""
    result = {'lowers': [], 'data_lowers': [], 'upper': None, 'work': None}
    for item in split_unescaped(data, ','):
        key, _, value = item.partition('=')
        if key == 'lowerdir':
            visible, _, data_only = value.partition('::')
            result['lowers'] = split_unescaped(visible, ':')
            result['data_lowers'] = split_unescaped(data_only, ':')
        elif key in ('upperdir', 'workdir'):
            result[key[:-len('dir')]] = value
    return result


def unescape(path):
    out, i = '', 0
    while i < len(path):
        if path[i] == '\\' and i + 1 < len(path):
            out += path[i + 1]
            i += 2
        else:
            out += path[i]
            i += 1
    return out


class Run:
    """Run: one scenario's directory under the base dir, its mounts, and the paths inside it."""

    def __init__(self, base):
        self.dir = tempfile.mkdtemp(prefix='scn-', dir=base)
        os.chmod(self.dir, 0o755)  # ops run `as_uid` must be able to walk to the mount
        self.mounts = []

    def real(self, path):
        """real: a `$RUN/…` (or `{R}/…`) path of the mount data on disk; refuses to leave the run dir."""
        path = unescape(path.replace('$RUN', self.dir).replace('{R}', self.dir))
        full = os.path.realpath(path)
        if full != self.dir and not full.startswith(self.dir + os.sep):
            raise OpError('EUNSAFE')
        return full

    def substitute(self, data):
        return data.replace('$RUN', self.dir).replace('{R}', self.dir)

    def mount(self, data, target):
        os.makedirs(target, exist_ok=True)
        outcome = mount_overlay(self.substitute(data), target)
        if outcome == 'ok':
            self.mounts.append(target)
        return outcome

    def umount(self, target):
        if target in self.mounts and unmount(target):
            self.mounts.remove(target)

    def close(self):
        for target in reversed(list(self.mounts)):
            self.umount(target)
        if not self.mounts:
            shutil.rmtree(self.dir, ignore_errors=True)
        else:
            print('kernel_runner: could not unmount %s; left %s in place' % (self.mounts, self.dir), file=sys.stderr)


# ---- building layers from compact notation --------------------------------------------------------

def make_file(path, content, mode=0o644, uid=0, gid=0):
    with open(path, 'wb') as handle:
        handle.write(content.encode())
    os.chown(path, uid, gid)
    os.chmod(path, mode)


def make_whiteout(path):
    os.mknod(path, stat.S_IFCHR | 0, os.makedev(0, 0))
    os.chmod(path, 0)


def set_xattrs(path, xattrs):
    for name, value in xattrs.items():
        os.setxattr(path, name, str(value).encode('latin-1'), follow_symlinks=False)


def fill_dir(path, children, root):
    """fill_dir: write compact `children` into the real directory `path` (hard links resolved last)."""
    links = []
    for name, value in children.items():
        if name.startswith('@'):
            set_xattrs(path, {PREFIX + name[1:]: value})
        elif isinstance(value, dict) and value.get('type') == 'hardlink':
            links.append((name, value))
        else:
            make_node(os.path.join(path, name), value, root)
    for name, value in links:
        os.link(os.path.join(root, value['to']), os.path.join(path, name), follow_symlinks=False)


def make_node(path, value, root):
    if isinstance(value, str):
        if value == 'WHITEOUT':
            make_whiteout(path)
        elif value.startswith('->'):
            os.symlink(value[2:], path)
        else:
            make_file(path, value)
    elif isinstance(value.get('type'), str):
        make_explicit(path, value, root)
    else:
        os.mkdir(path, 0o755)
        os.chmod(path, 0o755)
        fill_dir(path, value, root)


def make_explicit(path, node, root):
    kind = node['type']
    mode = int(node['mode'], 8) if 'mode' in node else None
    if kind == 'dir':
        os.mkdir(path, 0o755)
        fill_dir(path, node.get('children', {}), root)
    elif kind in ('file', 'xwhiteout'):
        make_file(path, node.get('content', ''), mode if mode is not None else 0o644)
    elif kind == 'symlink':
        os.symlink(node['target'], path)
    elif kind == 'whiteout':
        make_whiteout(path)
    elif kind in ('char', 'block', 'fifo'):
        kinds = {'char': stat.S_IFCHR, 'block': stat.S_IFBLK, 'fifo': stat.S_IFIFO}
        os.mknod(path, kinds[kind] | 0o644, os.makedev(node.get('major', 0), node.get('minor', 0)))
    else:
        raise ValueError('compact tree: unknown node type %r' % kind)
    set_xattrs(path, node.get('xattrs', {}))
    if kind == 'xwhiteout':
        set_xattrs(path, {PREFIX + 'whiteout': 'y'})
    os.chown(path, node.get('uid', 0), node.get('gid', 0), follow_symlinks=False)
    if kind != 'symlink':
        os.chmod(path, mode if mode is not None else (0 if kind == 'whiteout' else os.lstat(path).st_mode & 0o7777))


def make_layer(run, path, compact):
    """make_layer: a layer directory (and its parents); `$RUN/lowerfs` is a tmpfs, a second disk (F02)."""
    real = run.real(path)
    lowerfs = os.path.join(run.dir, 'lowerfs')
    if real.startswith(lowerfs + os.sep) and lowerfs not in run.mounts:
        os.makedirs(lowerfs, exist_ok=True)
        if LIBC.mount(b'tmpfs', lowerfs.encode(), b'tmpfs', 0, b'mode=0755') == 0:
            run.mounts.append(lowerfs)
    os.makedirs(real, exist_ok=True)
    fill_dir(real, compact, real)


# ---- describing what the kernel shows -------------------------------------------------------------

def overlay_key(name):
    """overlay_key: how an overlay xattr shows in compact notation, or None (compact.ts overlayKey)."""
    if not name.startswith(PREFIX):
        return None
    rest = name[len(PREFIX):]
    if rest in BOOKKEEPING:
        return None
    if rest.startswith('overlay.'):
        return '@escaped-' + rest[len('overlay.'):]
    return '@xwhiteout' if rest == 'whiteout' else '@' + rest


def overlay_marks(path):
    marks = {}
    for name in os.listxattr(path, follow_symlinks=False):
        key = overlay_key(name)
        if key:
            marks[key] = os.getxattr(path, name, follow_symlinks=False).decode('latin-1')
    return marks


def leaf(path, info):
    kind = stat.S_IFMT(info.st_mode)
    if kind == stat.S_IFLNK:
        return '->' + os.readlink(path)
    if kind in (stat.S_IFCHR, stat.S_IFBLK):
        if kind == stat.S_IFCHR and info.st_rdev == 0:
            return 'WHITEOUT'
        return '%s:%d:%d' % ('CHR' if kind == stat.S_IFCHR else 'BLK', os.major(info.st_rdev), os.minor(info.st_rdev))
    if kind == stat.S_IFIFO:
        return 'FIFO'
    with open(path, 'rb') as handle:
        return handle.read().decode('utf-8', 'replace')


def compact_tree(path):
    """compact_tree: a real or merged directory in compact notation; unreachable names are "!ERRNO"."""
    out = {}
    for name in os.listdir(path):
        out[name] = compact_entry(os.path.join(path, name))
    return out


def compact_entry(path):
    try:
        info = os.lstat(path)
        marks = overlay_marks(path)
        if stat.S_ISDIR(info.st_mode):
            node = compact_tree(path)
            node.update(marks)
            return node
        value = leaf(path, info)
    except OSError as error:
        return '!' + error_code(error)
    return dict({'@file': value}, **marks) if marks else value


def walk_layer(root, path):
    """walk_layer: lstat of `path` inside a real layer, through directories only (observe.ts walk)."""
    current = root
    parts = [part for part in path.split('/') if part]
    for i, part in enumerate(parts):
        current = os.path.join(current, part)
        try:
            info = os.lstat(current)
        except OSError:
            return None
        if i < len(parts) - 1 and not stat.S_ISDIR(info.st_mode):
            return None
    return os.lstat(current) if parts else os.lstat(root)


def find_ino(root, ino, kind, prefix=''):
    """find_ino: the first path (sorted walk) under a layer whose inode has that number and type."""
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return None
    for name in names:
        full, rel = os.path.join(root, name), (prefix + '/' + name if prefix else name)
        info = os.lstat(full)
        if info.st_ino == ino and stat.S_IFMT(info.st_mode) == kind:
            return rel
        if stat.S_ISDIR(info.st_mode):
            deeper = find_ino(full, ino, kind, rel)
            if deeper is not None:
                return deeper
    return None


class Scene:
    """Scene: one mounted scenario: its run dir, mount data, layers and kept file descriptors."""

    def __init__(self, run, data_text):
        self.run, self.data_text = run, data_text
        self.data = parse_mount_data(data_text)
        self.merged = os.path.join(run.dir, 'merged')
        self.fds = {}

    def layers(self):
        """layers: top first, as the catalog names them: upper, l0, l1, … (data-only layers are not seen)."""
        named = [('upper', self.run.real(self.data['upper']))] if self.data['upper'] else []
        return named + [('l%d' % i, self.run.real(path)) for i, path in enumerate(self.data['lowers'])]

    def ino_source(self, path, info):
        same = []
        for name, root in self.layers():
            found = walk_layer(root, path)
            if found is not None and found.st_ino == info.st_ino:
                same.append(name)
        if same:
            return same
        for name, root in self.layers():
            found = find_ino(root, info.st_ino, stat.S_IFMT(info.st_mode))
            if found is not None:
                return ['%s:%s' % (name, found)]
        return ['none(0x%x)' % info.st_ino]

    def describe_stat(self, path, info):
        """describe_stat: observe.ts describeStat on a real stat result."""
        return {
            'type': TYPES.get(stat.S_IFMT(info.st_mode), 'other'), 'mode': '%04o' % (info.st_mode & 0o7777),
            'nlink': info.st_nlink, 'uid': info.st_uid, 'gid': info.st_gid, 'size': info.st_size,
            'ino_src': self.ino_source(path, info),
            'dev': 'overlay' if info.st_dev == os.stat(self.merged).st_dev else 'other',
            'ino_high_bits': info.st_ino >= 2 ** 32,
        }

    def readdir_order(self, path):
        """readdir_order: the raw listing against the kernel's order and the doc's (observe.ts readdirOrder)."""
        dirs = []
        for _, root in self.layers():
            found = walk_layer(root, path)
            real = os.path.join(root, path) if path else root
            if found is None or not stat.S_ISDIR(found.st_mode):
                continue
            dirs.append(real)
            if xattr_text(real, PREFIX + 'opaque') == 'y':
                break
        listed = [os.listdir(d) for d in dirs]
        hidden, decided = set(), set()
        for d, names in zip(dirs, listed):
            for name in names:
                if name not in decided:
                    decided.add(name)
                    info = os.lstat(os.path.join(d, name))
                    if stat.S_ISCHR(info.st_mode) and info.st_rdev == 0:
                        hidden.add(name)
        unique = lambda names: list(dict.fromkeys(names))
        visible = lambda names: [name for name in names if name not in hidden]
        lowest = listed[-1] if len(listed) > 1 else []
        above = listed[:-1] if len(listed) > 1 else listed
        kernel = visible(unique(lowest + [n for names in above for n in names]))
        doc = visible(unique([n for names in listed for n in names]))
        actual = os.listdir(self.at(path))
        return {'matches_kernel_order': actual == kernel, 'matches_doc_order': actual == doc}

    def at(self, path, follow=True):
        """at: the op's path inside the mount; refuses paths that would lead outside it."""
        full = os.path.join(self.merged, str(path or ''))
        parent, name = os.path.split(full.rstrip('/'))
        resolved = os.path.realpath(full) if follow else os.path.join(os.path.realpath(parent), name)
        if resolved != self.merged and not resolved.startswith(self.merged + os.sep):
            raise OpError('EUNSAFE')
        return full


def xattr_text(path, name):
    try:
        return os.getxattr(path, name, follow_symlinks=False).decode('latin-1')
    except OSError:
        return None


# ---- operations (src/scenarios/ops.ts, on the real mount) -----------------------------------------

def flag_bits(flags, fallback):
    if not isinstance(flags, list):
        return fallback
    bits = 0
    for name in flags:
        bits |= getattr(os, name)
    return bits


def write_with(path, data, flags, mode=0o644):
    fd = os.open(path, flags, mode)
    try:
        os.write(fd, data.encode())
    finally:
        os.close(fd)


def read_fd(fd):
    chunks, position = [], 0
    while True:
        chunk = os.pread(fd, 65536, position)
        if not chunk:
            return b''.join(chunks).decode('utf-8', 'replace')
        chunks.append(chunk)
        position += len(chunk)


def open_close(path, flags):
    os.close(os.open(path, flags, 0o666))


def remove_tree(path):
    """remove_tree: node's rm -r as the simulation does it: lstat, unlink a non-dir, else children then rmdir."""
    if not stat.S_ISDIR(os.lstat(path).st_mode):
        os.unlink(path)
        return
    for name in os.listdir(path):
        remove_tree(os.path.join(path, name))
    os.rmdir(path)


def rename(source, target, flags):
    if not flags:
        os.rename(source, target)
        return
    bits = 0
    for name in flags:
        bits |= RENAME_FLAGS[name]
    if LIBC.renameat2(AT_FDCWD, source.encode(), AT_FDCWD, target.encode(), bits) != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number))


def shell(scene, cmd):
    """shell: a small mv/cp/rm command line run inside the mount; a non-zero exit is ESHELL."""
    words = cmd.split()
    if not words or words[0] not in ('mv', 'cp', 'rm') or any(w.startswith('/') or '..' in w for w in words[1:]):
        raise OpError('EUNSUPPORTED')
    if subprocess.run(words, cwd=scene.merged, capture_output=True).returncode != 0:
        raise OpError('ESHELL')


def mount_again(scene, data):
    """mount_again: a second mount with other data (G07-G09), taken down at once."""
    parsed = parse_mount_data(scene.run.substitute(data))
    if parsed['work']:
        os.makedirs(scene.run.real(parsed['work']), exist_ok=True)
    if parsed['upper'] and ':' not in parsed['upper'] and not os.path.exists(scene.run.real(parsed['upper'])):
        os.makedirs(scene.run.real(parsed['upper']))
    target = os.path.join(scene.run.dir, 'merged2')
    outcome = scene.run.mount(data, target)
    scene.run.umount(target)
    if outcome != 'ok':
        raise OpError(outcome)


def remount(scene, opts):
    """remount: umount, then mount the same data (plus `opts`) again (C15)."""
    for fd in scene.fds.values():
        os.close(fd)
    scene.fds.clear()
    scene.run.umount(scene.merged)
    outcome = scene.run.mount(scene.data_text + (',' + opts if opts else ''), scene.merged)
    if outcome != 'ok':
        raise OpError(outcome)


HANDLERS = {
    'read': lambda s, op: read_fd_path(s.at(op.get('path'))),
    'listdir': lambda s, op: sorted(os.listdir(s.at(op.get('path')))),
    'readdir_order': lambda s, op: s.readdir_order(str(op.get('path') or '')),
    'exists': lambda s, op: os.path.exists(s.at(op.get('path'))),
    'stat': lambda s, op: s.describe_stat(str(op.get('path') or ''), os.stat(s.at(op.get('path')))),
    'readlink': lambda s, op: os.readlink(s.at(op.get('path'), False)),
    'listxattr': lambda s, op: sorted(os.listxattr(s.at(op.get('path')))),
    'getxattr': lambda s, op: os.getxattr(s.at(op.get('path')), str(op['name'])).decode('utf-8', 'replace'),
    'create': lambda s, op: write_with(s.at(op.get('path')), str(op.get('data') or ''), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666),
    'write': lambda s, op: write_with(s.at(op.get('path')), str(op['data']), flag_bits(op.get('flags'), os.O_WRONLY)),
    'append': lambda s, op: write_with(s.at(op.get('path')), str(op['data']), flag_bits(op.get('flags'), os.O_WRONLY | os.O_APPEND)),
    'open': lambda s, op: open_close(s.at(op.get('path')), flag_bits(op.get('flags'), os.O_RDONLY)),
    'open_keep': lambda s, op: s.fds.__setitem__(str(op['fd']), os.open(s.at(op.get('path')), flag_bits(op.get('flags'), os.O_RDONLY), 0o666)),
    'fd_read': lambda s, op: read_fd(s.fds.get(str(op['fd']), -1)),
    'fd_close': lambda s, op: os.close(s.fds.pop(str(op['fd']), -1)),
    'truncate': lambda s, op: os.truncate(s.at(op.get('path')), int(op.get('size') or 0)),
    'chmod': lambda s, op: os.chmod(s.at(op.get('path')), int(str(op['mode']), 8)),
    'chown': lambda s, op: os.chown(s.at(op.get('path'), not op.get('nofollow')), int(op['uid']), int(op['gid']), follow_symlinks=not op.get('nofollow')),
    'utime': lambda s, op: os.utime(s.at(op.get('path')), (int(op.get('time', 1600000000)),) * 2),
    'setxattr': lambda s, op: os.setxattr(s.at(op.get('path')), str(op['name']), str(op['value']).encode()),
    'mknod': lambda s, op: os.mknod(s.at(op.get('path'), False), stat.S_IFCHR | 0o644, os.makedev(int(op['major']), int(op['minor']))),
    'mkdir': lambda s, op: os.mkdir(s.at(op.get('path'), False), int(str(op.get('mode') or '0755'), 8)),
    'rmdir': lambda s, op: os.rmdir(s.at(op.get('path'), False)),
    'unlink': lambda s, op: os.unlink(s.at(op.get('path'), False)),
    'rmtree': lambda s, op: remove_tree(s.at(op.get('path'), False)),
    'rename': lambda s, op: rename(s.at(op['src'], False), s.at(op['dst'], False), op.get('flags') or []),
    'link': lambda s, op: os.link(s.at(op['src'], False), s.at(op['dst'], False), follow_symlinks=False),
    'symlink': lambda s, op: os.symlink(str(op['target']), s.at(op.get('path'), False)),
    'remount': lambda s, op: remount(s, str(op.get('opts') or '')),
    'mount_again': lambda s, op: mount_again(s, str(op['data'])),
    'shell': lambda s, op: shell(s, str(op['cmd'])),
}


def read_fd_path(path):
    with open(path, 'rb') as handle:
        return handle.read().decode('utf-8', 'replace')


def run_op(scene, op):
    """run_op: one op as {"ok": value} or {"err": "ENAME"}, as `as_uid` when the op says so."""
    handler = HANDLERS.get(op.get('op'))
    if handler is None:
        return {'err': 'EUNSUPPORTED'}
    as_uid = op.get('as_uid')
    try:
        if isinstance(as_uid, int):
            os.setgroups([])
            os.setegid(as_uid)
            os.seteuid(as_uid)
        return {'ok': handler(scene, op)}
    except (OSError, OpError) as error:
        return {'err': error_code(error)}
    finally:
        if isinstance(as_uid, int):
            os.seteuid(0)
            os.setegid(0)
            os.setgroups([0])


# ---- one scenario ---------------------------------------------------------------------------------

def standard_mount_data(scenario):
    lowers = ':'.join('$RUN/l%d' % i for i in range(len(scenario.get('lowers_compact') or [])))
    extra = scenario.get('extra_mount_options') or ''
    return 'lowerdir=%s,upperdir=$RUN/upper,workdir=$RUN/work%s' % (lowers, ',' + extra if extra else '')


def prepare(run, scenario, data):
    layers = scenario.get('lowers_compact') or []
    for i, path in enumerate(data['lowers'] + data['data_lowers']):
        if i < len(layers):
            make_layer(run, path, layers[i])
    if data['upper']:
        make_layer(run, data['upper'], scenario.get('upper_init') or {})
    if data['work']:
        os.makedirs(run.real(data['work']), exist_ok=True)


def run_scenario(base, scenario):
    """run_scenario: build, mount, run the ops, describe, and always take the mount down."""
    run = Run(base)
    try:
        return describe_run(run, scenario)
    except Exception as error:  # a broken scenario must not take the rest of the batch down
        return {'id': scenario.get('id'), 'mount_result': 'ERUNNER', 'ops': [], 'runner_error': repr(error)}
    finally:
        run.close()


def describe_run(run, scenario):
    """describe_run: build the layers, mount, run every op, then describe the merged and upper trees."""
    text = scenario.get('mount_data') or standard_mount_data(scenario)
    scene = Scene(run, text)
    prepare(run, scenario, scene.data)
    outcome = run.mount(text, scene.merged)
    result = {'id': scenario.get('id'), 'mount_result': outcome, 'ops': [], 'merged': None, 'upper': None}
    if outcome != 'ok':
        return result
    result['ops'] = [run_op(scene, step.get('op', {})) for step in scenario.get('ops') or []]
    for fd in scene.fds.values():
        os.close(fd)
    result['merged'] = compact_tree(scene.merged) if os.path.ismount(scene.merged) else None
    upper = scene.data['upper']
    result['upper'] = compact_tree(run.real(upper)) if upper else None
    return result


def main(argv):
    args = list(argv)
    base = None
    if '--base' in args:
        base = args[args.index('--base') + 1]
        del args[args.index('--base'):args.index('--base') + 2]
    if base is None or len(args) != 1:
        print('usage: kernel_runner.py --base DIR INPUT.json (INPUT "-" reads stdin)', file=sys.stderr)
        return 2
    if os.geteuid() != 0:
        print('kernel_runner: must run as root (it mounts overlayfs)', file=sys.stderr)
        return 2
    document = json.load(sys.stdin if args[0] == '-' else open(args[0]))
    scenarios = document['scenarios'] if 'scenarios' in document else [document]
    base = os.path.realpath(base)
    os.makedirs(base, exist_ok=True)
    os.chmod(base, 0o755)
    os.umask(0o022)
    private_mount_namespace()
    results = [run_scenario(base, scenario) for scenario in scenarios]
    json.dump({'results': results}, sys.stdout)
    sys.stdout.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
