// Hover highlight without a pick per mouse move: a pick runs only once the pointer has rested
// for HOVER_DELAY_MS (and never while a button is down), so moving across the view costs nothing
// and a large scene is not re-drawn for every pixel travelled.
export const HOVER_DELAY_MS = 90;

export class HoverPicker {
  private timer = 0;
  private current: number | null = null;
  private readonly disposers: Array<() => void> = [];

  constructor(
    element: HTMLElement,
    private readonly pick: (clientX: number, clientY: number) => number | null,
    private readonly onChange: (id: number | null) => void,
  ) {
    const move = (e: PointerEvent) => {
      window.clearTimeout(this.timer);
      if (e.buttons) return this.set(null);
      const { clientX, clientY } = e;
      this.timer = window.setTimeout(() => this.set(this.pick(clientX, clientY)), HOVER_DELAY_MS);
    };
    const leave = () => {
      window.clearTimeout(this.timer);
      this.set(null);
    };
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerleave', leave);
    this.disposers.push(() => element.removeEventListener('pointermove', move), () => element.removeEventListener('pointerleave', leave));
  }

  get hovered(): number | null {
    return this.current;
  }

  private set(id: number | null): void {
    const next = id !== null && id >= 0 ? id : null;
    if (next === this.current) return;
    this.current = next;
    this.onChange(next);
  }

  dispose(): void {
    window.clearTimeout(this.timer);
    for (const d of this.disposers) d();
  }
}
