import { describe, expect, it } from 'vitest';
import { nextViewName } from './SavedViews';

describe('nextViewName', () => {
  it('numbers after the list and skips names already taken', () => {
    expect(nextViewName([])).toBe('View 1');
    expect(nextViewName(['door'])).toBe('View 2');
    expect(nextViewName(['View 2', 'View 3'])).toBe('View 4');
  });
});
