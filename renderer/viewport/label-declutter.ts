// Screen-space placement of 3D labels so they never overlap. Every frame the viewport starts a
// fresh placement; label layers claim rectangles in priority order (measurements and answers
// before box names, nearer before farther). A label whose spot is taken tries a few nudges (above,
// below, beside); when all are taken it is hidden, unless it is pinned (a measured length must
// always show).

export interface LabelRect {
  /** Top-left corner and size in CSS pixels of the canvas. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Placement {
  dx: number;
  dy: number;
}

/** Gap kept between neighbouring labels, in pixels. */
const GAP = 2;

function overlaps(a: LabelRect, b: LabelRect): boolean {
  return a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;
}

export class LabelDeclutter {
  private placed: LabelRect[] = [];

  /** Forget last frame's rectangles. */
  begin(): void {
    this.placed = [];
  }

  /**
   * Claims a spot for `rect` (or a nudged copy of it) and returns the offset used; null when every
   * candidate overlaps a placed label and the label is not pinned. A pinned label is placed at its
   * first free candidate, or at its own spot when none is free.
   */
  claim(rect: LabelRect, pinned = false): Placement | null {
    const step = rect.h + GAP;
    const candidates: Placement[] = [
      { dx: 0, dy: 0 },
      { dx: 0, dy: -step },
      { dx: 0, dy: step },
      { dx: rect.w + GAP, dy: 0 },
      { dx: -rect.w - GAP, dy: 0 },
      { dx: 0, dy: -2 * step },
    ];
    for (const c of candidates) {
      const moved = { x: rect.x + c.dx, y: rect.y + c.dy, w: rect.w, h: rect.h };
      if (this.placed.every((p) => !overlaps(p, moved))) {
        this.placed.push(moved);
        return c;
      }
    }
    if (!pinned) return null;
    this.placed.push(rect);
    return { dx: 0, dy: 0 };
  }

  /** How many rectangles this frame holds (for tests and the status of the overlay). */
  get count(): number {
    return this.placed.length;
  }
}
