// The layout instruction tokenizer, TypeScript side. It must give the same ids as
// native-models/layout/tokenizer.py (the model is trained in Python and run here): both read one
// vocabulary file (native-models/layout/vocab.json) and both test against the same golden vectors.
// Steps: NFKD, drop combining marks (é → e), lower-case A–Z only (full Unicode lower-casing differs
// between runtimes), split into [a-z]+ words, single digits and single other characters, then each
// word whole if known, else greedy longest-match pieces ("##" continuations), else [UNK].
import { z } from 'zod';
import { AppError } from '../contract/errors';

export const VocabSchema = z.object({
  version: z.literal(1),
  specials: z.array(z.string()),
  max_word_chars: z.number().int().positive(),
  tokens: z.array(z.string()).min(1),
});
export type Vocab = z.infer<typeof VocabSchema>;

export interface Encoded {
  tokens: string[];
  ids: number[];
}

const PIECE = /[a-z]+|[0-9]|[^\sa-z0-9]/gu;

export function normaliseForTokens(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

export class LayoutTokenizer {
  private readonly ids: Map<string, number>;
  private readonly unk: number;

  constructor(readonly vocab: Vocab) {
    this.ids = new Map(vocab.tokens.map((t, i) => [t, i]));
    const unk = this.ids.get('[UNK]');
    if (unk === undefined) throw new AppError('bad_file', 'layout vocabulary has no [UNK] token');
    for (const s of ['[CLS]', '[SEP]']) if (!this.ids.has(s)) throw new AppError('bad_file', `layout vocabulary has no ${s} token`);
    this.unk = unk;
  }

  /** Parses a vocabulary JSON value (what vocab.json holds); a wrong shape is a bad_file error naming the source. */
  static fromJson(json: unknown, source = 'vocab.json'): LayoutTokenizer {
    const parsed = VocabSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('bad_file', `${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { source });
    }
    return new LayoutTokenizer(parsed.data);
  }

  get size(): number {
    return this.vocab.tokens.length;
  }

  wordPieces(word: string): string[] {
    if (this.ids.has(word)) return [word];
    if (word.length > this.vocab.max_word_chars) return ['[UNK]'];
    const pieces: string[] = [];
    let start = 0;
    while (start < word.length) {
      let end = word.length;
      let found: string | null = null;
      while (end > start) {
        const piece = start === 0 ? word.slice(start, end) : `##${word.slice(start, end)}`;
        if (this.ids.has(piece)) {
          found = piece;
          break;
        }
        end--;
      }
      if (found === null) return ['[UNK]'];
      pieces.push(found);
      start = end;
    }
    return pieces;
  }

  encode(text: string): Encoded {
    const tokens = ['[CLS]'];
    for (const m of normaliseForTokens(text).matchAll(PIECE)) tokens.push(...this.wordPieces(m[0]));
    tokens.push('[SEP]');
    return { tokens, ids: tokens.map((t) => this.ids.get(t) ?? this.unk) };
  }
}
