import { describe, expect, it } from 'vitest';
import { indentGo, marshalGo, quoteGo } from '../../src/image/gojson';

describe('quoteGo', () => {
  it.each([
    ['a > b', true, '"a \\u003e b"'],
    ['a > b', false, '"a > b"'],
    ['<&>', true, '"\\u003c\\u0026\\u003e"'],
    ['tab\there\nnl', true, '"tab\\there\\nnl"'],
    ['\u0001\u001f', true, '"\\u0001\\u001f"'],
    ['line\u2028sep', false, '"line\\u2028sep"'],
    ['quote " back \\', true, '"quote \\" back \\\\"'],
    ['é and 😀', true, '"é and 😀"'],
    ['lone \ud800', true, '"lone \ufffd"'],
  ])('quotes %j (escapeHTML %s) as %s', (text, html, expected) => {
    expect(quoteGo(text, html)).toBe(expected);
  });
});

describe('marshalGo', () => {
  it('keeps struct order, sorts maps, and skips undefined members', () => {
    const value = { z: 1, a: new Map([['b', true], ['a', null]]), skipped: undefined, list: ['x'] };
    expect(marshalGo(value)).toBe('{"z":1,"a":{"a":null,"b":true},"list":["x"]}');
  });

  it('sorts map keys by UTF-8 bytes, as Go does', () => {
    // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (F0 9F 98 80) in UTF-8,
    // although its UTF-16 code unit 0xFF5E is larger than the surrogate 0xD83D.
    expect(marshalGo(new Map([['😀', 1], ['～', 2]]))).toBe('{"～":2,"😀":1}');
  });
});

describe('indentGo', () => {
  it('indents like json.Indent and keeps empty containers on one line', () => {
    expect(indentGo('[{"a":[],"b":{},"c":[1,"x,y:z"]}]', '    ')).toBe(
      '[\n    {\n        "a": [],\n        "b": {},\n        "c": [\n            1,\n            "x,y:z"\n        ]\n    }\n]',
    );
  });

  it('does not end strings at escaped quotes', () => {
    expect(indentGo('{"k":"a\\"{b"}', '  ')).toBe('{\n  "k": "a\\"{b"\n}');
  });
});
