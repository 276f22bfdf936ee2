// The one window's options. Everything the renderer needs comes through the preload bridge, so the
// page gets no Node, no webviews and a sandboxed, context-isolated preload.
import type { BrowserWindowOptions } from './electron-api';
import { encodeMethodsArg } from './preload-args';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and three set inline style attributes; scripts stay locked to 'self'.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function windowOptions(preloadPath: string, methods: readonly string[]): BrowserWindowOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 560,
    title: 'Scenewright',
    // Shown on ready-to-show so the user never sees an unstyled flash.
    show: false,
    backgroundColor: '#1e1f22',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      additionalArguments: [encodeMethodsArg(methods)],
    },
  };
}
