import { describe, expect, it } from 'vitest';
import { BOX_QUESTION_TYPES, parseOption, parseQuestion, questionText, TEMPLATES } from './questions';

describe('VSI-Bench templates', () => {
  it('are the spec strings byte for byte', () => {
    expect(questionText('object_counting', ['ceiling light'])).toBe('How many ceiling light(s) are in this room?');
    expect(questionText('object_abs_distance', ['door', 'power strip'])).toBe(
      'Measuring from the closest point of each object, what is the distance between the door and the power strip (in meters)?',
    );
    expect(questionText('object_rel_distance', ['trash can', 'telephone', 'computer mouse', 'keyboard', 'table'])).toBe(
      'Measuring from the closest point of each object, which of these objects (telephone, computer mouse, keyboard, table) is the closest to the trash can?',
    );
    expect(TEMPLATES.room_size_estimation).toBe('What is the size of this room (in square meters)? \nIf multiple rooms are shown, estimate the size of the combined space.');
  });

  it('parse back into the slot values for every type', () => {
    const objects: Record<string, string[]> = {
      object_counting: ['tv stand'],
      object_abs_distance: ['door', 'power strip'],
      object_size_estimation: ['cup'],
      room_size_estimation: [],
      object_rel_distance: ['trash can', 'a', 'b c', 'd', 'e'],
    };
    for (const type of BOX_QUESTION_TYPES) {
      const names = objects[type] ?? ['telephone', 'trash can', 'cup'];
      const slots = parseQuestion(type, questionText(type, names));
      expect(slots, type).not.toBeNull();
      if (type === 'object_rel_distance') expect(slots).toEqual({ category: 'trash can', list: 'a, b c, d, e' });
      else if (names.length === 3) expect([slots!.pos, slots!.ori, slots!.qry]).toEqual(names);
    }
  });

  it('reject strings that differ from the template in any byte', () => {
    expect(parseQuestion('object_counting', 'How many chair(s) are in this room? ')).toBeNull();
    expect(parseQuestion('room_size_estimation', 'What is the size of this room (in square meters)?\nIf multiple rooms are shown, estimate the size of the combined space.')).toBeNull();
    // The easy template names the facing object twice; both must agree.
    expect(parseQuestion('object_rel_direction_easy', 'If I am standing by the sofa and facing the tv, is the lamp to the left or the right of the door?')).toBeNull();
    expect(parseQuestion('object_rel_direction_easy', 'If I am standing by the sofa and facing the tv, is the lamp to the left or the right of the tv?')).toEqual({ pos: 'sofa', ori: 'tv', qry: 'lamp' });
  });

  it('splits option entries into letter and text', () => {
    expect(parseOption('C. back-left')).toEqual({ letter: 'C', text: 'back-left' });
    expect(parseOption('left')).toBeNull();
  });
});
