import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/** A recording stand-in for the electron module: just enough for main.ts to wire itself up. */
const fake = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: unknown; url?: string }[] = [];
  class BrowserWindow {
    readonly webContents = {};
    constructor(readonly options: unknown) {
      windows.push(this);
    }
    url?: string;
    once() {}
    on() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
  }
  return {
    appListeners,
    windows,
    setPath: vi.fn(),
    schemes: vi.fn(),
    protocolHandle: vi.fn(),
    ipcHandle: vi.fn(),
    permissionRequest: vi.fn(),
    permissionCheck: vi.fn(),
    beforeRequest: vi.fn(),
    enableSandbox: vi.fn(),
    BrowserWindow,
  };
});

vi.mock('electron', () => ({
  app: {
    setPath: fake.setPath,
    getPath: (name: string) => `/fake/${name}`,
    enableSandbox: fake.enableSandbox,
    requestSingleInstanceLock: () => true,
    quit: vi.fn(),
    on: (name: string, listener: (...args: unknown[]) => void) => fake.appListeners.set(name, listener),
    whenReady: () => Promise.resolve(),
  },
  BrowserWindow: fake.BrowserWindow,
  protocol: { registerSchemesAsPrivileged: fake.schemes, handle: fake.protocolHandle },
  ipcMain: { handle: fake.ipcHandle },
  session: {
    defaultSession: {
      setPermissionRequestHandler: fake.permissionRequest,
      setPermissionCheckHandler: fake.permissionCheck,
      webRequest: { onBeforeRequest: fake.beforeRequest },
    },
  },
  dialog: {},
  shell: {},
  net: {},
  safeStorage: {},
}));

describe('main process wiring', async () => {
  await import('./main');
  await new Promise((resolve) => setImmediate(resolve));

  it('pins the data folder and turns the sandbox on for every renderer', () => {
    expect(fake.setPath).toHaveBeenCalledWith('userData', join('/fake/appData', 'IncubatorDesk'));
    expect(fake.enableSandbox).toHaveBeenCalled();
  });

  it('serves the page from the privileged app:// scheme', () => {
    expect(fake.schemes).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(fake.protocolHandle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('hardens the default session before any window opens', () => {
    expect(fake.permissionRequest).toHaveBeenCalled();
    expect(fake.permissionCheck).toHaveBeenCalled();
    expect(fake.beforeRequest).toHaveBeenCalled();
  });

  it('registers one IPC handler per bridge method', () => {
    expect(fake.ipcHandle.mock.calls.map(([name]) => name).sort()).toEqual(
      [
        'desk:abortBackup',
        'desk:appendBackup',
        'desk:beginBackup',
        'desk:finishBackup',
        'desk:getSecret',
        'desk:listBackups',
        'desk:openExternal',
        'desk:printToPdf',
        'desk:readBackup',
        'desk:rosterRequest',
        'desk:saveFile',
        'desk:setSecret',
      ],
    );
  });

  it('locks every web contents that will ever be created', () => {
    expect(fake.appListeners.has('web-contents-created')).toBe(true);
  });

  it('opens one window, isolated, loading our page only', () => {
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]?.url).toBe('app://desk/index.html');
    expect(fake.windows[0]?.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
  });
});
