// Room programs of the scan simulator: the six room types ScanNet mostly holds, as furniture steps
// for the sample room's layout solver (app/sample/layout), plus what hangs on the walls.
import type { RoomProgram } from '../layout';

export type SimRoomType = 'bedroom' | 'living' | 'office' | 'kitchen' | 'bathroom' | 'conference';
export const SIM_ROOM_TYPES: readonly SimRoomType[] = ['bedroom', 'living', 'office', 'kitchen', 'bathroom', 'conference'];

export interface SimProgram extends RoomProgram {
  /** Pictures on the walls, inclusive range. */
  pictures: readonly [number, number];
  /** Chance of curtains at the window. */
  curtains: number;
  /** Chance of a whiteboard. */
  whiteboard: number;
  /** Upper cabinets over kitchen base cabinets. */
  upperCabinets: boolean;
}

export const SIM_PROGRAMS: Record<SimRoomType, SimProgram> = {
  bedroom: {
    width: [3.2, 4.8],
    depth: [3.2, 4.6],
    pictures: [0, 3],
    curtains: 0.7,
    whiteboard: 0,
    upperCabinets: false,
    steps: [
      { model: 'bed', id: 'bed', at: 'wall', required: true },
      { model: 'nightstand', id: 'nightstand', at: 'beside', of: 'bed', count: [0, 2] },
      { model: 'table_lamp', at: 'on', of: 'nightstand', count: [0, 2] },
      { model: 'wardrobe', at: 'wall', chance: 0.7 },
      { model: 'sideboard', id: 'dresser', at: 'wall', chance: 0.5 },
      { model: 'tv', at: 'on', of: 'dresser', chance: 0.4 },
      { model: 'desk', id: 'desk', at: 'wall', chance: 0.5 },
      { model: 'chair', at: 'around', of: 'desk' },
      { model: 'armchair', at: 'free', anyYaw: true, chance: 0.3 },
      { model: 'bookshelf', at: 'wall', chance: 0.4 },
      { model: 'trash_can', at: 'wall', chance: 0.4 },
      { model: 'clutter_box', at: 'free', anyYaw: true, count: [0, 2] },
      { model: 'plant', at: 'wall', chance: 0.3 },
    ],
  },
  living: {
    width: [4.0, 6.5],
    depth: [3.6, 5.5],
    pictures: [1, 3],
    curtains: 0.7,
    whiteboard: 0,
    upperCabinets: false,
    steps: [
      { model: 'sofa', id: 'sofa', at: 'wall', required: true },
      { model: 'coffee_table', at: 'front', of: 'sofa', chance: 0.85 },
      { model: 'armchair', at: 'free', anyYaw: true, count: [0, 2] },
      { model: 'ottoman', at: 'free', anyYaw: true, chance: 0.4 },
      { model: 'sideboard', id: 'sideboard', at: 'wall', chance: 0.8 },
      { model: 'tv', at: 'on', of: 'sideboard', chance: 0.8 },
      { model: 'dining_table', id: 'table', at: 'free', chance: 0.5 },
      { model: 'chair', at: 'around', of: 'table', count: [2, 4] },
      { model: 'bookshelf', at: 'wall', count: [0, 2] },
      { model: 'floor_lamp', at: 'wall', chance: 0.6 },
      { model: 'plant', at: 'wall', count: [0, 2] },
      { model: 'clutter_box', at: 'free', anyYaw: true, count: [0, 1] },
    ],
  },
  office: {
    width: [3.4, 5.6],
    depth: [3.2, 5.0],
    pictures: [0, 2],
    curtains: 0.3,
    whiteboard: 0.4,
    upperCabinets: false,
    steps: [
      { model: 'desk', id: 'desk', at: 'wall', count: [1, 3], required: true },
      { model: 'office_chair', at: 'around', of: 'desk', count: [1, 2] },
      { model: 'monitor', at: 'on', of: 'desk', count: [0, 2] },
      { model: 'table_lamp', at: 'on', of: 'desk', chance: 0.3 },
      { model: 'file_cabinet', at: 'wall', count: [0, 2] },
      { model: 'bookshelf', at: 'wall', count: [0, 2] },
      { model: 'sideboard', at: 'wall', chance: 0.3 },
      { model: 'dining_table', id: 'table', at: 'free', chance: 0.3 },
      { model: 'chair', at: 'around', of: 'table', count: [1, 3] },
      { model: 'sofa', at: 'wall', chance: 0.2 },
      { model: 'trash_can', at: 'wall', count: [0, 2] },
      { model: 'clutter_box', at: 'free', anyYaw: true, count: [0, 2] },
      { model: 'plant', at: 'wall', chance: 0.4 },
    ],
  },
  kitchen: {
    width: [2.8, 5.0],
    depth: [2.6, 4.6],
    pictures: [0, 1],
    curtains: 0.3,
    whiteboard: 0,
    upperCabinets: true,
    steps: [
      { model: 'base_cabinet', at: 'wall', count: [1, 3], required: true },
      { model: 'refrigerator', at: 'wall', chance: 0.85 },
      { model: 'dining_table', id: 'table', at: 'free', chance: 0.6 },
      { model: 'chair', at: 'around', of: 'table', count: [1, 4] },
      { model: 'file_cabinet', at: 'wall', chance: 0.2 },
      { model: 'trash_can', at: 'wall', count: [0, 2] },
      { model: 'clutter_box', at: 'free', anyYaw: true, count: [0, 1] },
    ],
  },
  bathroom: {
    width: [1.9, 3.4],
    depth: [1.8, 3.0],
    pictures: [0, 1],
    curtains: 0.2,
    whiteboard: 0,
    upperCabinets: false,
    steps: [
      { model: 'toilet', at: 'wall', required: true },
      { model: 'vanity', at: 'wall', count: [1, 2], required: true },
      { model: 'bathtub', at: 'wall', chance: 0.7 },
      { model: 'file_cabinet', at: 'wall', chance: 0.2 },
      { model: 'trash_can', at: 'wall', chance: 0.6 },
    ],
  },
  conference: {
    width: [4.5, 7.5],
    depth: [3.8, 6.0],
    pictures: [0, 2],
    curtains: 0.5,
    whiteboard: 0.7,
    upperCabinets: false,
    steps: [
      { model: 'conference_table', id: 'table', at: 'free', required: true },
      { model: 'office_chair', at: 'around', of: 'table', count: [4, 10] },
      { model: 'chair', at: 'around', of: 'table', count: [0, 4] },
      { model: 'sideboard', id: 'sideboard', at: 'wall', chance: 0.6 },
      { model: 'tv', at: 'on', of: 'sideboard', chance: 0.6 },
      { model: 'file_cabinet', at: 'wall', count: [0, 2] },
      { model: 'trash_can', at: 'wall', count: [0, 2] },
      { model: 'plant', at: 'wall', chance: 0.4 },
    ],
  },
};
