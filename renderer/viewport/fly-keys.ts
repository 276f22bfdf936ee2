// WASD (+ Q/E down/up, Shift faster) flight while the camera is in fly mode. Held keys drive a frame
// loop; the keys are swallowed in fly mode so that, e.g., S does not also trigger "save".
const MOVES: Record<string, [number, number, number]> = {
  w: [1, 0, 0],
  s: [-1, 0, 0],
  a: [0, -1, 0],
  d: [0, 1, 0],
  e: [0, 0, 1],
  q: [0, 0, -1],
};

export const FLY_KEYS = Object.keys(MOVES);

function isTyping(target: EventTarget | null): boolean {
  // A panel marked data-own-keys (the review queue) keeps its letter keys while it has focus.
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[data-own-keys]') !== null);
}

export class FlyKeys {
  private readonly held = new Set<string>();
  private fast = false;
  private frame = 0;
  private last = 0;
  private readonly disposers: Array<() => void> = [];

  /** `move(forward, right, up)` in metres; `speed()` in metres per second; `active()` says whether fly mode is on. */
  constructor(
    private readonly active: () => boolean,
    private readonly speed: () => number,
    private readonly move: (forward: number, right: number, up: number) => void,
  ) {
    const down = (e: KeyboardEvent) => {
      const k = e.key.toLowerCase();
      if (!this.active() || !(k in MOVES) || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      this.fast = e.shiftKey;
      this.held.add(k);
      this.start();
    };
    const up = (e: KeyboardEvent) => {
      this.held.delete(e.key.toLowerCase());
      this.fast = e.shiftKey;
    };
    const blur = () => this.held.clear();
    window.addEventListener('keydown', down, true);
    window.addEventListener('keyup', up, true);
    window.addEventListener('blur', blur);
    this.disposers.push(
      () => window.removeEventListener('keydown', down, true),
      () => window.removeEventListener('keyup', up, true),
      () => window.removeEventListener('blur', blur),
    );
  }

  private start(): void {
    if (this.frame) return;
    this.last = performance.now();
    const tick = (now: number) => {
      this.frame = 0;
      if (!this.held.size || !this.active()) return;
      const dt = Math.min(0.1, (now - this.last) / 1000);
      this.last = now;
      const v = [0, 0, 0];
      for (const k of this.held) MOVES[k]!.forEach((m, i) => (v[i]! += m));
      const step = this.speed() * dt * (this.fast ? 4 : 1);
      this.move(v[0]! * step, v[1]! * step, v[2]! * step);
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    for (const d of this.disposers.splice(0)) d();
  }
}
