import { FormatError } from '../errors';
import type { LabelRow, LabelTable } from './types';

const REQUIRED = ['id', 'raw_category', 'category', 'nyu40id', 'nyu40class'] as const;

/** Parses scannetv2-labels.combined.tsv (tab-separated, header row; extra columns ignored). */
export function parseLabelTable(text: string, file = 'scannetv2-labels.combined.tsv'): LabelTable {
  const lines = text.split(/\r\n|\n|\r/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const col = Object.fromEntries(REQUIRED.map((name) => [name, header.indexOf(name)])) as Record<(typeof REQUIRED)[number], number>;
  for (const name of REQUIRED) {
    if (col[name] < 0) throw new FormatError({ file, line: 1, expected: `a header with columns ${REQUIRED.join(', ')}; "${name}" is missing` });
  }
  const rows: LabelRow[] = [];
  const byId = new Map<number, LabelRow>();
  const byRawCategory = new Map<string, LabelRow>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const cells = line.split('\t');
    const int = (name: 'id' | 'nyu40id') => {
      const s = (cells[col[name]] ?? '').trim();
      if (!/^\d+$/.test(s)) throw new FormatError({ file, line: i + 1, expected: `an integer in column ${name}, found "${s}"` });
      return Number(s);
    };
    const row: LabelRow = {
      id: int('id'),
      rawCategory: (cells[col.raw_category] ?? '').trim(),
      category: (cells[col.category] ?? '').trim(),
      nyu40id: int('nyu40id'),
      nyu40class: (cells[col.nyu40class] ?? '').trim(),
    };
    rows.push(row);
    // The real table repeats ids for spelling variants ("books"/"book" are both 22); the first row names the id.
    if (!byId.has(row.id)) byId.set(row.id, row);
    if (!byRawCategory.has(row.rawCategory)) byRawCategory.set(row.rawCategory, row);
  }
  return { rows, byId, byRawCategory };
}
