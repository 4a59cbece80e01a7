import type { BrowserWindowConstructorOptions } from 'electron';

/** The desk's single window. Every webPreference that matters for isolation is spelled out, not defaulted. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '孵化台 Incubator Desk',
    // Shown on 'ready-to-show' so the manager never sees a blank white frame.
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Middle-click fires auxclick, which can open a link in a new window; the open handler refuses it
      // anyway, this stops the event at its source.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
