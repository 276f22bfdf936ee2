import { describe, expect, it } from 'vitest';
import { numberFromText, spanText } from './span-number';

describe('layout model number spans', () => {
  it.each([
    ['50', 50],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1/2', 0.5],
    ['half a', 0.5],
    ['half of a', 0.5],
    ['a quarter of a', 0.25],
    ['a', 1],
    ['one and a half', 1.5],
    ['fifty', 50],
    ['forty five', 45],
    ['a hundred', 100],
    ['a couple of', 2],
  ])('reads %s as %d', (text, value) => {
    expect(numberFromText(text)).toBe(value);
  });

  it('refuses words that are not numbers', () => {
    expect(numberFromText('sofa')).toBeNull();
    expect(numberFromText('')).toBeNull();
    expect(numberFromText('3/0')).toBeNull();
  });

  it('joins word pieces and digit tokens back into words', () => {
    expect(spanText(['1', '.', '5'])).toBe('1.5');
    expect(spanText(['fif', '##ty'])).toBe('fifty');
    expect(spanText(['half', 'a'])).toBe('half a');
    expect(spanText(['[CLS]', '9', '0'])).toBe('90');
  });
});
