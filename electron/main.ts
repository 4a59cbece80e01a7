import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import { BackupFolder } from './backups';
import { handlerTable, registerHandlers } from './ipc';
import { appProtocolHandler } from './protocol';
import { SecretStore } from './secrets';
import { APP_ENTRY, APP_SCHEME, hardenSession, lockNavigation } from './security';
import { deskServices } from './services';
import { windowOptions } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = join(here, '..', 'dist', 'renderer');

// The data folder (IndexedDB lives here) is pinned by name, so renaming the product never orphans data.
app.setPath('userData', join(app.getPath('appData'), 'IncubatorDesk'));
app.enableSandbox();

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

// Two desks on one IndexedDB would race each other's writes: the second launch focuses the first.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();

let mainWindow: BrowserWindow | null = null;

function createWindow(): void {
  const window = new BrowserWindow(windowOptions(join(here, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY);
  mainWindow = window;
}

app.on('second-instance', () => {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

app.on('window-all-closed', () => app.quit());

void app.whenReady().then(() => {
  if (!primary) return;
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererRoot));
  const secrets = new SecretStore(
    join(app.getPath('userData'), 'secrets.json'),
    safeStorage,
    () => process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text',
  );
  const services = deskServices({
    dialog,
    shell,
    net,
    windowOf: (contents) => BrowserWindow.fromWebContents(contents),
    documentsDir: app.getPath('documents'),
    secrets,
    backups: new BackupFolder(join(app.getPath('userData'), 'backups')),
  });
  registerHandlers(ipcMain, handlerTable(services));
  // Every web contents, present or future, is locked; links leave through the same allow-listed
  // service the page's openExternal uses, so there is one door to the shell.
  app.on('web-contents-created', (_event, contents) =>
    lockNavigation(contents, (url) => {
      services.openExternal(url).catch((error: unknown) => console.error('could not open', url, error));
    }),
  );
  createWindow();
});
