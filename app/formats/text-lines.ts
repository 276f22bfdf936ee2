// Line-by-line access to a text file held as bytes, with 1-based line numbers for error messages.
// Accepts \n, \r\n and lone \r line ends.

export interface TextLines {
  /** The next line (without its line end) or undefined at the end; `lineNo` is then its number. */
  next(): string | undefined;
  /** Number of the line last returned by next() (0 before the first). */
  readonly lineNo: number;
  /** Characters not yet consumed, a cheap upper bound on how many lines can follow. */
  readonly remaining: number;
}

export function textLines(bytes: Uint8Array, startLine = 0): TextLines {
  const text = new TextDecoder('utf-8').decode(bytes);
  // A file with only \r line ends splits on \r; otherwise a trailing \r is trimmed off each line.
  const eol = text.includes('\n') ? '\n' : '\r';
  let at = 0;
  let lineNo = startLine;
  return {
    next() {
      if (at >= text.length) return undefined;
      let end = text.indexOf(eol, at);
      if (end < 0) end = text.length;
      let line = text.slice(at, end);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      at = end + 1;
      lineNo++;
      return line;
    },
    get lineNo() {
      return lineNo;
    },
    get remaining() {
      return text.length - at;
    },
  };
}

/** Whitespace-separated tokens of a line; empty for a blank line. */
export function tokens(line: string): string[] {
  const t = line.trim();
  return t ? t.split(/\s+/) : [];
}

const SPECIAL = /^[+-]?(nan|inf|infinity)$/i;

/**
 * A decimal number token, or undefined when it is not one. Number() alone would take '' as 0 and
 * '0x1f' as 31; the text formats here only write decimal. nan/inf are accepted (callers decide).
 */
export function parseNumber(tok: string): number | undefined {
  const c = tok.charCodeAt(tok.length - 1);
  if (c >= 0x30 && c <= 0x39) {
    // Number() reads 0x1f, 0o7 and 0b1 too; the text formats here only write decimal.
    if (tok.charCodeAt(0) === 0x30 && tok.length > 2) {
      const c1 = tok.charCodeAt(1) | 0x20;
      if (c1 === 0x78 || c1 === 0x6f || c1 === 0x62) return undefined;
    }
    const v = Number(tok);
    return v === v ? v : undefined;
  }
  if (c === 0x2e) {
    const v = Number(tok);
    return v === v ? v : undefined;
  }
  if (SPECIAL.test(tok)) {
    const neg = tok[0] === '-';
    return /nan/i.test(tok) ? NaN : neg ? -Infinity : Infinity;
  }
  return undefined;
}
