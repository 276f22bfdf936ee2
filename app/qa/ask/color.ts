// A colour name for an object's mean colour (0..255 rgb), by hue, saturation and value.
import type { Vec3 } from '../../scene/types';
import type { ColorName } from './types';

export function colorName([r, g, b]: Vec3): ColorName {
  const R = r / 255;
  const G = g / 255;
  const B = b / 255;
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const v = max;
  const s = max === 0 ? 0 : (max - min) / max;
  if (v < 0.2) return 'black';
  if (s < 0.18) return v > 0.8 ? 'white' : 'gray';
  const d = max - min;
  let h = max === R ? ((G - B) / d) % 6 : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  h *= 60;
  if (h < 0) h += 360;
  // Dark or pale oranges and yellows are what people call brown (wood, leather, beige fabric).
  if (h >= 15 && h < 50 && (v < 0.65 || s < 0.45)) return 'brown';
  if (h < 15 || h >= 345) return v > 0.75 && s < 0.5 ? 'pink' : 'red';
  if (h < 40) return 'orange';
  if (h < 70) return 'yellow';
  if (h < 170) return 'green';
  if (h < 260) return 'blue';
  if (h < 300) return 'purple';
  return 'pink';
}
