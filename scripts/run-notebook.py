#!/usr/bin/python3
"""run-notebook: execute one notebook with the project's tslab kernel and fail loudly.

Usage: /usr/bin/python3 scripts/run-notebook.py NOTEBOOK [--report FILE] [--timeout SECONDS]
                                                [--kernel NAME] [--save-executed FILE]

A code cell fails when
  - the kernel replies with status "error" (tslab reports compile and runtime errors that way,
    with the message on stderr rather than as an "error" output),
  - it has an "error" output or writes anything to stderr,
  - it produced no output at all, unless its metadata says {"layerlab": {"expect_output": false}},
  - its metadata has {"layerlab": {"expect": "REGEX"}} and no output text matches REGEX
    (Python regex syntax, multi-line mode: ^ and $ match at each line).

The run stops at the first failing cell. That is deliberate: tslab drops execute requests that
arrive within ~200 ms of a failure, so a cell run right after one would fail for no reason of its
own. Cells after the failure are reported with ok = null.

The JSON report (to --report FILE, else stdout) has one entry per code cell:
  {index, id, ok, reason, seconds, output_types}
plus the notebook's path, ok, total seconds and kernel start-up seconds. Exit status: 0 when
every cell passed, 1 when a cell failed, 2 when the notebook could not be run at all.
"""
import argparse
import json
import os
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The kernel is registered here by scripts/jupyter-setup.mjs; put it first so a stale
# user-wide "tslab" kernelspec cannot shadow the project's own.
PROJECT_JUPYTER_PATH = os.path.join(ROOT, '.jupyter', 'share', 'jupyter')


def parse_args(argv):
    parser = argparse.ArgumentParser(description='Execute a notebook and fail on any error, stderr or silent cell.')
    parser.add_argument('notebook')
    parser.add_argument('--report', help='write the JSON report here instead of stdout')
    parser.add_argument('--timeout', type=int, default=120, help='seconds allowed per cell (default 120)')
    parser.add_argument('--kernel', default='tslab', help='kernel name (default tslab)')
    parser.add_argument('--save-executed', help='also write the executed notebook here')
    return parser.parse_args(argv)


def output_text(output):
    """All the text a reader would see for one output: streams, and every text-like MIME type."""
    if output.get('output_type') == 'stream':
        return output.get('text', '')
    if output.get('output_type') == 'error':
        return '%s: %s' % (output.get('ename', ''), output.get('evalue', ''))
    data = output.get('data', {})
    texts = [v for k, v in data.items() if k.startswith('text/') or k == 'image/svg+xml']
    return '\n'.join(v if isinstance(v, str) else ''.join(v) for v in texts)


def without_stack_frames(text):
    """The message of a Node error without its '    at ...' lines, which point into tslab."""
    return '\n'.join(line for line in text.strip().splitlines() if not line.startswith('    at '))


def first_problem(cell, status):
    """Why a cell failed, as one sentence, or None when it passed."""
    outputs = cell.get('outputs', [])
    stderr = ''.join(o.get('text', '') for o in outputs if o.get('output_type') == 'stream' and o.get('name') == 'stderr')
    errors = [o for o in outputs if o.get('output_type') == 'error']
    rules = cell.get('metadata', {}).get('layerlab', {})
    if status == 'error' or errors:
        detail = without_stack_frames(stderr) or '; '.join(output_text(o) for o in errors) or 'no message'
        return 'the kernel reported an error: ' + detail
    if stderr:
        return 'the cell wrote to stderr: ' + stderr.strip()
    if not outputs and rules.get('expect_output', True):
        return 'the cell produced no output (set metadata layerlab.expect_output = false if that is intended)'
    pattern = rules.get('expect')
    shown = '\n'.join(output_text(o) for o in outputs)
    if pattern and not re.search(pattern, shown, re.MULTILINE):
        return 'no output matched the expected pattern /%s/' % pattern
    return None


def run_cell(client, cell, index, replies, timeout):
    """Execute one code cell; return (ok, reason)."""
    try:
        client.execute_cell(cell, index)
    except CellTimeoutError:
        return False, 'the cell did not finish within %d seconds' % timeout
    except DeadKernelError:
        return False, 'the kernel died while running this cell'
    reason = first_problem(cell, replies.get(index))
    return reason is None, reason


def cell_entry(cell, index):
    return {'index': index, 'id': cell.get('id'), 'ok': None, 'reason': None, 'seconds': 0, 'output_types': []}


def run_notebook(nb, args, report):
    """Start the kernel, run code cells in order, stop at the first failure."""
    replies = {}
    client = NotebookClient(nb, kernel_name=args.kernel, timeout=args.timeout, allow_errors=True,
                            resources={'metadata': {'path': os.path.dirname(os.path.abspath(args.notebook))}})
    client.on_cell_executed = lambda cell, cell_index, execute_reply: replies.__setitem__(
        cell_index, execute_reply['content'].get('status'))
    started = time.monotonic()
    with client.setup_kernel():
        report['kernel_seconds'] = round(time.monotonic() - started, 3)
        failed_at = None
        for entry in report['cells']:
            cell = nb.cells[entry['index']]
            if failed_at is not None:
                entry['reason'] = 'not run: stopped after cell %d failed' % failed_at
                continue
            if not cell.source.strip():
                entry.update(ok=True, reason='empty cell, not run')
                continue
            began = time.monotonic()
            ok, reason = run_cell(client, cell, entry['index'], replies, args.timeout)
            entry.update(ok=ok, reason=reason, seconds=round(time.monotonic() - began, 3),
                         output_types=[o.get('output_type') for o in cell.get('outputs', [])])
            if not ok:
                failed_at = entry['index']
    report['ok'] = failed_at is None


def print_summary(report):
    """A human line per failure on stderr; the JSON stays machine-readable."""
    for entry in report['cells']:
        if entry['ok'] is False:
            print('%s: cell %d (id %s) failed: %s' % (report['notebook'], entry['index'], entry['id'], entry['reason']),
                  file=sys.stderr)
    passed = sum(1 for e in report['cells'] if e['ok'])
    print('%s: %d of %d code cells passed in %.1fs' % (report['notebook'], passed, len(report['cells']), report['seconds']),
          file=sys.stderr)


def main(argv=None):
    args = parse_args(argv)
    os.environ['JUPYTER_PATH'] = os.pathsep.join(p for p in [PROJECT_JUPYTER_PATH, os.environ.get('JUPYTER_PATH')] if p)
    try:
        nb = nbformat.read(args.notebook, as_version=4)
    except (OSError, ValueError) as err:  # missing file or not a notebook: one line, no traceback
        print('%s: cannot read the notebook: %s' % (args.notebook, err), file=sys.stderr)
        return 2
    report = {'notebook': args.notebook, 'kernel': args.kernel, 'ok': False, 'seconds': 0, 'kernel_seconds': None,
              'error': None, 'cells': [cell_entry(c, i) for i, c in enumerate(nb.cells) if c.cell_type == 'code']}
    started = time.monotonic()
    try:
        run_notebook(nb, args, report)
    except Exception as err:  # kernel missing or failed to start: report it, do not trace
        report['error'] = '%s: %s' % (type(err).__name__, err)
        print('%s: could not run: %s' % (args.notebook, report['error']), file=sys.stderr)
    report['seconds'] = round(time.monotonic() - started, 3)
    if args.save_executed:
        nbformat.write(nb, args.save_executed)
    text = json.dumps(report, indent=2)
    if args.report:
        with open(args.report, 'w') as f:
            f.write(text + '\n')
    else:
        print(text)
    print_summary(report)
    return 2 if report['error'] else 0 if report['ok'] else 1


if __name__ == '__main__':
    sys.exit(main())
