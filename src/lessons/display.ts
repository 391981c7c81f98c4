// Display glue: every step of a lesson shows ONE thing with ONE call, because tslab sends each
// display call as one MIME type and a cell with several outputs is hard to follow. In the tslab
// kernel the HTML form is shown; anywhere else (vitest, plain node) the text form is printed.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { escapeHtml } from '../render/diagram-html';

/**
 * Shown: one step's output in both forms; the text form must say everything the HTML says.
 * @example
 * const shown: Shown = { html: '<b>3</b> layers', text: '3 layers' };
 * show(shown); // → 3 layers
 */
export interface Shown {
  html: string;
  text: string;
}

/**
 * DisplaySink receives what `show` displays; tests install one to look at it.
 * @example
 * const seen: string[] = [];
 * const sink: DisplaySink = (shown) => { seen.push(shown.text); };
 * const previous = setDisplaySink(sink); show('captured'); setDisplaySink(previous);
 * seen // → [ 'captured' ]
 */
export type DisplaySink = (shown: Shown) => void;

interface TslabDisplay {
  html(s: string): void;
}

let sink: DisplaySink | undefined;

/**
 * setDisplaySink replaces where `show` sends its output (undefined restores the default) and
 * returns the previous sink.
 * @example
 * const seen: Shown[] = [];
 * const previous = setDisplaySink((shown) => { seen.push(shown); });
 * show('not on the screen'); setDisplaySink(previous); // put the notebook's display back
 * seen.map((shown) => shown.html) // → [ '<pre>not on the screen</pre>' ]
 */
export function setDisplaySink(next: DisplaySink | undefined): DisplaySink | undefined {
  const previous = sink;
  sink = next;
  return previous;
}

/**
 * kernelDisplay: tslab's display when this code runs inside the tslab kernel, else undefined.
 * The kernel has loaded tslab's jupyter module and set its writer; outside it, tslab's display
 * would throw "Not ready", so we never call it there.
 */
function kernelDisplay(): TslabDisplay | undefined {
  const cache = createRequire(join(process.cwd(), 'noop.js')).cache;
  const key = Object.keys(cache).find((k) => /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(k));
  if (!key || !cache[key]?.exports?.lastWriteDisplayData) return undefined;
  return (createRequire(key)('./public') as { display: TslabDisplay }).display;
}

/**
 * show displays one step's output: HTML in the notebook, text elsewhere. A plain string is shown
 * as preformatted text in both.
 * @example
 * show({ html: '<b>PASS</b>', text: 'PASS' }); // → PASS
 */
export function show(shown: Shown | string): void {
  const out = typeof shown === 'string' ? preformatted(shown) : shown;
  if (sink) return sink(out);
  const display = kernelDisplay();
  if (display) display.html(out.html);
  else console.log(out.text);
}

/**
 * preformatted: text that keeps its columns, as `<pre>` with escaped content.
 * @example
 * preformatted('a < b') // → { html: '<pre>a &lt; b</pre>', text: 'a < b' }
 */
export function preformatted(text: string): Shown {
  return { html: `<pre>${escapeHtml(text)}</pre>`, text };
}
