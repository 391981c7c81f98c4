// Lessons come in two editions, English and Chinese, with the SAME code cells. Text that code
// prints (tasks, hints, check reasons) is therefore written in both languages and chosen at run
// time: by LAYERLAB_LANG, else by the folder the notebook runs in (Jupyter starts the kernel in the
// notebook's own folder, and the Chinese edition lives in notebooks/zh/).
import { basename } from 'node:path';

/**
 * Language: the two editions.
 * @example
 * const language: Language = lessonLanguage();
 * say({ en: `edition: ${language}`, zh: `版本：${language}` }) // → edition: en
 */
export type Language = 'en' | 'zh';

/**
 * Text: a sentence in one language for both editions, or one per edition.
 * @example
 * const greeting: Text = { en: 'Well done', zh: '做得好' };
 * [say(greeting), say('same in both')] // → [ 'Well done', 'same in both' ]
 */
export type Text = string | { en: string; zh: string };

/**
 * lessonLanguage: 'zh' when LAYERLAB_LANG=zh or the kernel runs in a folder named zh, else 'en'.
 * @example
 * lessonLanguage() // → en
 * // 'en' in notebooks/, 'zh' in notebooks/zh/
 */
export function lessonLanguage(): Language {
  const chosen = process.env.LAYERLAB_LANG;
  if (chosen === 'zh' || chosen === 'en') return chosen;
  return basename(process.cwd()) === 'zh' ? 'zh' : 'en';
}

/**
 * say picks the text for the current edition.
 * @example
 * say({ en: 'Well done', zh: '做得好' }) // → Well done
 */
export function say(text: Text): string {
  return typeof text === 'string' ? text : text[lessonLanguage()];
}
