import type { WordPart } from './ast';

/**
 * WordBuilder: collects the parts of a word, merging neighbouring text with the same quoting,
 * so `a'b'c` becomes three parts but `abc` stays one.
 *
 * @example
 * const b = new WordBuilder(); b.text('a', false); b.text('b', false); b.parts // [{ kind: 'text', text: 'ab', quoted: false }]
 */
export class WordBuilder {
  readonly parts: WordPart[] = [];
  /** changes: how many times something was appended (lets `""` tell that it stayed empty). */
  changes = 0;

  /** text: append literal characters. */
  text(text: string, quoted: boolean): void {
    this.changes++;
    const last = this.parts[this.parts.length - 1];
    if (last && last.kind === 'text' && last.quoted === quoted) last.text += text;
    else this.parts.push({ kind: 'text', text, quoted });
  }

  /** push: append an expansion (parameter or command substitution). */
  push(part: WordPart): void {
    if (part.kind === 'text') return this.text(part.text, part.quoted);
    this.changes++;
    this.parts.push(part);
  }
}
