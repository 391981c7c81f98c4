// dispatch: how commands run a nested script (`sh -c`, `eval`, `.`, `$( )`, a script file) without
// importing the interpreter, which imports them. Node copes with import cycles, but tslab's module
// loader for notebook libraries does not (it recurses until the stack overflows), so the interpreter
// registers itself here when it loads, and the rest of the shell calls through this one object.
import type { Io, ShellState } from './state';

export const dispatch = {
  runScript(_state: ShellState, _source: string, _io: Io): number {
    throw new Error('the shell interpreter has not been loaded');
  },
};
