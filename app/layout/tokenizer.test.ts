// The TypeScript tokenizer against the golden vectors the Python tokenizer's unittest also reads
// (native-models/layout/tokenizer-golden.json): same vocabulary file, same ids.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LayoutTokenizer } from './tokenizer';

const dir = new URL('../../native-models/layout/', import.meta.url);
const vocab = JSON.parse(readFileSync(new URL('vocab.json', dir), 'utf8')) as unknown;
const golden = JSON.parse(readFileSync(new URL('tokenizer-golden.json', dir), 'utf8')) as { vocab_size: number; cases: Array<{ text: string; tokens: string[]; ids: number[] }> };

describe('layout tokenizer', () => {
  const tok = LayoutTokenizer.fromJson(vocab);

  it('reads the shared vocabulary', () => {
    expect(tok.size).toBe(golden.vocab_size);
  });

  it.each(golden.cases.map((c) => [JSON.stringify(c.text), c] as const))('matches the golden vector for %s', (_, c) => {
    expect(tok.encode(c.text)).toEqual({ tokens: c.tokens, ids: c.ids });
  });

  it('splits numbers into digits and units off them, and never loses an ASCII word to [UNK]', () => {
    expect(tok.encode('Move 50cm').tokens).toEqual(['[CLS]', 'move', '5', '0', 'cm', '[SEP]']);
    expect(tok.encode('xylophone').tokens).not.toContain('[UNK]');
    expect(tok.encode('café').tokens).toEqual(tok.encode('cafe').tokens);
  });

  it('rejects a vocabulary of the wrong shape with the file and field', () => {
    expect(() => LayoutTokenizer.fromJson({ version: 1, specials: [], max_word_chars: 32, tokens: 'abc' }, 'v.json')).toThrow(/v\.json: tokens/);
    expect(() => LayoutTokenizer.fromJson({ version: 1, specials: [], max_word_chars: 32, tokens: ['a'] }, 'v.json')).toThrow(/no \[UNK\]/);
  });
});
