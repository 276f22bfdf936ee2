// Just enough of Python's literal syntax for an .npy header: a dict of string keys whose values are
// strings, True/False/None, integers, or tuples/lists of those. Nothing is evaluated.

export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

export class PyLiteralError extends Error {
  constructor(readonly at: number, readonly expected: string) {
    super(expected);
  }
}

export function parsePyLiteral(text: string): PyValue {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const fail = (expected: string): never => {
    throw new PyLiteralError(i, expected);
  };
  const value = (depth: number): PyValue => {
    if (depth > 16) fail('a header nested less deeply');
    ws();
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) fail(`a closing ${c}`);
      const s = text.slice(i + 1, end);
      if (s.includes('\\')) fail('a string without escapes');
      i = end + 1;
      return s;
    }
    if (c === '{') {
      i++;
      const obj: { [key: string]: PyValue } = {};
      for (;;) {
        ws();
        if (text[i] === '}') return (i++, obj);
        const key = value(depth + 1);
        if (typeof key !== 'string') fail('a string key');
        ws();
        if (text[i] !== ':') fail('":" after a key');
        i++;
        obj[key as string] = value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail('"," or "}"');
      }
    }
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      i++;
      const items: PyValue[] = [];
      for (;;) {
        ws();
        if (text[i] === close) return (i++, items);
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== close) fail(`"," or "${close}"`);
      }
    }
    const word = /^(True|False|None|-?\d+L?)/.exec(text.slice(i, i + 24));
    if (!word) return fail('a string, number, True, False, None, dict, tuple or list');
    i += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    if (word[0] === 'None') return null;
    return Number(word[0].replace('L', ''));
  };
  const v = value(0);
  ws();
  if (i < text.length) fail('the end of the header after the dict');
  return v;
}
