// Byte layout of the LAS point data record formats 0..10 (ASPRS LAS 1.4 R15, section 2.6+).

export interface PointLayout {
  /** Smallest record length the format allows (writers may append extra bytes). */
  minLength: number;
  /** Offset of the classification byte, and whether only its low 5 bits are the class (formats 0..5). */
  classOffset: number;
  classBits5: boolean;
  /** Offset of red, green, blue (three u16), when the format has colour. */
  rgbOffset?: number;
}

const LEGACY = { classOffset: 15, classBits5: true };
const EXTENDED = { classOffset: 16, classBits5: false };

export const POINT_LAYOUTS: readonly PointLayout[] = [
  { ...LEGACY, minLength: 20 },
  { ...LEGACY, minLength: 28 },
  { ...LEGACY, minLength: 26, rgbOffset: 20 },
  { ...LEGACY, minLength: 34, rgbOffset: 28 },
  { ...LEGACY, minLength: 57 },
  { ...LEGACY, minLength: 63, rgbOffset: 28 },
  { ...EXTENDED, minLength: 30 },
  { ...EXTENDED, minLength: 36, rgbOffset: 30 },
  { ...EXTENDED, minLength: 38, rgbOffset: 30 },
  { ...EXTENDED, minLength: 59 },
  { ...EXTENDED, minLength: 67, rgbOffset: 30 },
];
