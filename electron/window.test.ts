import { describe, expect, it } from 'vitest';
import { windowOptions } from './window';

describe('window options', () => {
  const { webPreferences } = windowOptions('/app/dist-electron/preload.cjs');

  it('isolates the page from Node and Electron', () => {
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('loads only our bundled preload', () => {
    expect(webPreferences?.preload).toBe('/app/dist-electron/preload.cjs');
  });

  it('sets nothing that weakens isolation', () => {
    const keys = Object.keys(webPreferences ?? {});
    for (const risky of ['enableBlinkFeatures', 'additionalArguments']) {
      expect(keys).not.toContain(risky);
    }
  });
});
