// Hooks for the Playwright journeys, installed only when the page URL has ?e2e=1.
export interface ScenewrightTestHooks {
  /** True once the scene's points have been drawn. */
  readonly ready: boolean;
  instancesByLabel(label: string): number[];
  projectInstance(id: number): { x: number; y: number } | null;
  selection(): number[];
  lastDistance(): number | null;
}

declare global {
  interface Window {
    __scenewrightTest?: ScenewrightTestHooks;
  }
}

export const testHooksEnabled = () => new URLSearchParams(location.search).get('e2e') === '1';

export function installTestHooks(hooks: ScenewrightTestHooks): () => void {
  window.__scenewrightTest = hooks;
  return () => {
    if (window.__scenewrightTest === hooks) delete window.__scenewrightTest;
  };
}
