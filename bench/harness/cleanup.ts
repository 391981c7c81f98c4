// Undo lists for benchmarks that change the machine (mounts, temp directories): whatever happens —
// normal end, an exception, Ctrl-C — everything registered is undone, newest first, exactly once.

type Undo = () => void;

const pending: { undo: Undo; label: string }[] = [];
let installed = false;

/** runAll undoes everything still registered; one failing undo does not stop the others. */
function runAll(): void {
  while (pending.length > 0) {
    const { undo, label } = pending.pop()!;
    try {
      undo();
    } catch (error) {
      console.error(`cleanup of ${label} failed: ${(error as Error).message}`);
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: cleaning up before exit`);
      runAll();
      process.exit(130);
    });
  }
}

/**
 * onCleanup registers `undo` to run at exit or on SIGINT/SIGTERM; call the returned function to run
 * it now instead (it then never runs again).
 * @example const release = onCleanup('tmpfs /tmp/x', () => umount('/tmp/x')); try { … } finally { release(); }
 */
export function onCleanup(label: string, undo: Undo): () => void {
  install();
  const item = { undo, label };
  pending.push(item);
  return () => {
    const at = pending.indexOf(item);
    if (at < 0) return;
    pending.splice(at, 1);
    undo();
  };
}
