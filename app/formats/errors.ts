import { AppError } from '../contract/errors';

/** Where in a file a problem was found, and what the reader expected there. */
export interface FormatErrorWhere {
  file: string;
  /** Byte offset into the file (binary data, headers). */
  offset?: number;
  /** 1-based line number (text formats, PLY headers and ASCII bodies). */
  line?: number;
  /** What should have been there, phrased to complete "expected …". */
  expected: string;
}

/** A file that does not parse. The message names the file, the position and what was expected, so a user can find it. */
export class FormatError extends AppError {
  readonly file: string;
  readonly offset?: number;
  readonly line?: number;
  readonly expected: string;

  constructor(where: FormatErrorWhere) {
    super('bad_file', formatMessage(where), { file: where.file, offset: where.offset, line: where.line, expected: where.expected });
    this.name = 'FormatError';
    this.file = where.file;
    if (where.offset !== undefined) this.offset = where.offset;
    if (where.line !== undefined) this.line = where.line;
    this.expected = where.expected;
  }
}

function formatMessage({ file, offset, line, expected }: FormatErrorWhere): string {
  const at: string[] = [];
  if (line !== undefined) at.push(`line ${line}`);
  if (offset !== undefined) at.push(line === undefined ? `byte ${offset}` : `(byte ${offset})`);
  return at.length ? `${file}: ${at.join(' ')}: expected ${expected}` : `${file}: expected ${expected}`;
}
