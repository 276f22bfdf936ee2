// The one intent → solver request switch both readers use.
import { describe, expect, it } from 'vitest';
import { editRequestOf, type EditParts } from './edit-request';

const base: EditParts = { intent: 'place', target: 6, relation: 'left_of', frame: 'object', reference: { kind: 'object', id: 1 }, reference2: null, amount: 0.5, direction: null, degrees: null };

describe('editRequestOf', () => {
  it('builds a placement with its reference and amount', () => {
    expect(editRequestOf(base)).toEqual({ kind: 'request', request: { op: 'place', target: 6, relation: 'left_of', frame: 'object', reference: { kind: 'object', id: 1 }, amount: 0.5 } });
  });
  it('refuses a placement without a relation, or one that needs a reference it lacks', () => {
    expect(editRequestOf({ ...base, relation: null })).toEqual({ kind: 'refused', reason: 'where should it go?' });
    expect(editRequestOf({ ...base, reference: null })).toMatchObject({ kind: 'refused', reason: '"left_of" needs an object to place it by' });
    expect(editRequestOf({ ...base, relation: 'against_wall', reference: null, amount: null })).toEqual({ kind: 'request', request: { op: 'place', target: 6, relation: 'against_wall', frame: 'object' } });
  });
  it('duplicates with or without a place, swaps, removes, moves and rotates', () => {
    expect(editRequestOf({ ...base, intent: 'duplicate', relation: null })).toEqual({ kind: 'request', request: { op: 'duplicate', target: 6 } });
    expect(editRequestOf({ ...base, intent: 'swap', reference2: 3 })).toEqual({ kind: 'request', request: { op: 'swap', target: 6, other: 3 } });
    expect(editRequestOf({ ...base, intent: 'remove' })).toEqual({ kind: 'request', request: { op: 'remove', target: 6 } });
    expect(editRequestOf({ ...base, intent: 'move', direction: 'left', amount: null })).toEqual({ kind: 'request', request: { op: 'move', target: 6, direction: 'left', frame: 'object' } });
    expect(editRequestOf({ ...base, intent: 'rotate', degrees: -90 })).toEqual({ kind: 'request', request: { op: 'rotate', target: 6, degrees: -90 } });
    expect(editRequestOf({ ...base, intent: 'rotate', degrees: null })).toMatchObject({ kind: 'refused' });
  });
});
