import type { ReactNode } from 'react';
import type { AppInfo } from '../../app/contract';
import type { TransportKind } from '../bridge/transport';
import type { ColorMode } from '../viewport/colors';

export interface TopBarProps {
  info: AppInfo | null;
  sceneName: string | null;
  transport: TransportKind;
  colorMode: ColorMode;
  onColorMode(mode: ColorMode): void;
  onFit(): void;
  /** Scene switcher and Open… control. */
  children?: ReactNode;
}

export function TopBar({ info, sceneName, transport, colorMode, onColorMode, onFit, children }: TopBarProps) {
  return (
    <header className="topbar" data-testid="top-bar">
      <span className="brand">Scenewright</span>
      <span className="scene-name" data-testid="scene-name">
        {sceneName ?? '—'}
      </span>
      {children}
      <span className="spacer" />
      <div className="segmented" role="group" aria-label="Colour mode" data-testid="color-mode">
        <button type="button" className={colorMode === 'rgb' ? 'on' : ''} aria-pressed={colorMode === 'rgb'} onClick={() => onColorMode('rgb')} title="Colour by scan RGB (C)">
          RGB
        </button>
        <button type="button" className={colorMode === 'instance' ? 'on' : ''} aria-pressed={colorMode === 'instance'} onClick={() => onColorMode('instance')} title="Colour by instance (C)">
          Instance
        </button>
      </div>
      <button type="button" onClick={onFit} title="Fit view (F)">
        Fit
      </button>
      <span className="badge" data-testid="transport" title="How this page talks to the host">
        {info?.transport ?? transport}
      </span>
      <span className="badge" data-testid="execution-provider" title={info?.executionProviderReason ?? ''}>
        EP: {info?.executionProvider ?? '…'}
      </span>
      {info?.readOnly && (
        <span className="badge warn" data-testid="read-only" title={info.readOnlyReason ?? ''}>
          read-only
        </span>
      )}
      {info && <span className="version">v{info.version}</span>}
    </header>
  );
}
