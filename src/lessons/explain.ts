// Explanations that quote data from the simulation: the markdown is the author's, the data may be
// anything a layer holds (a file named `<img onerror=…>`), so data is always escaped — after the
// markdown is rendered, so that a `*` or `_` in a file name cannot turn into emphasis either.
import { marked } from 'marked';
import { escapeHtml } from '../render/diagram-html';
import { Shown, show } from './display';
import { Text, say } from './text';

/** formatValue: how a value reads in prose: arrays joined with commas, objects as JSON. */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * explanation renders `markdown` with `{{name}}` placeholders filled from `data` (escaped), as
 * HTML and as plain text, without displaying it.
 * @example
 * explanation('The top layer is **{{top}}**.', { top: 'upper' }).html // → <p>The top layer is <strong>upper</strong>.</p>
 */
export function explanation(markdown: Text, data: Record<string, unknown> = {}): Shown {
  const source = say(markdown);
  const values: string[] = [];
  // Placeholders become inert tokens for marked, then the escaped data replaces the tokens.
  const tokenized = source.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => `LLDATA${values.push(formatValue(data[name])) - 1}X`);
  const html = (marked.parse(tokenized, { async: false }) as string).replace(/LLDATA(\d+)X/g, (_, i: string) => escapeHtml(values[Number(i)]));
  const text = tokenized.replace(/LLDATA(\d+)X/g, (_, i: string) => values[Number(i)]);
  return { html, text };
}

/**
 * explain displays a short piece of markdown with data from the simulation in it (one display call).
 * @example
 * explain('`{{path}}` comes from layer **{{layer}}**.', { path: '/etc/os-release', layer: 'centos' });
 * // → /etc/os-release comes from layer centos.
 */
export function explain(markdown: Text, data: Record<string, unknown> = {}): void {
  show(explanation(markdown, data));
}
