import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import {
  backupPart,
  backupRange,
  backupTarget,
  backupWriteId,
  externalUrl,
  noPayload,
  printRequest,
  rosterRequest,
  saveFileRequest,
  secretKey,
  setSecretRequest,
  type DeskBridge,
} from '@core/bridge';
import { channelName, type Channel } from './channels';
import { isOwnFrame } from './security';

/** What main can do for the page; the real implementation lives in services.ts, tests pass fakes. */
export interface DeskServices {
  saveFile(request: z.infer<typeof saveFileRequest>, sender: WebContents): ReturnType<DeskBridge['saveFile']>;
  printToPdf(request: z.infer<typeof printRequest>, sender: WebContents): ReturnType<DeskBridge['printToPdf']>;
  openExternal(url: string): ReturnType<DeskBridge['openExternal']>;
  rosterRequest(request: z.infer<typeof rosterRequest>): ReturnType<DeskBridge['rosterRequest']>;
  getSecret(key: z.infer<typeof secretKey>): ReturnType<DeskBridge['getSecret']>;
  setSecret(request: z.infer<typeof setSecretRequest>): ReturnType<DeskBridge['setSecret']>;
  beginBackup(target: z.infer<typeof backupTarget>, sender: WebContents): ReturnType<DeskBridge['beginBackup']>;
  appendBackup(part: z.infer<typeof backupPart>): ReturnType<DeskBridge['appendBackup']>;
  finishBackup(id: string): ReturnType<DeskBridge['finishBackup']>;
  abortBackup(id: string): ReturnType<DeskBridge['abortBackup']>;
  listBackups(): ReturnType<DeskBridge['listBackups']>;
  readBackup(range: z.infer<typeof backupRange>): ReturnType<DeskBridge['readBackup']>;
}

export type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;
type Handler<C extends Channel> = (event: InvokeEvent, payload: unknown) => ReturnType<DeskBridge[C]>;
export type HandlerTable = { readonly [C in Channel]: Handler<C> };

/** Sender first, then payload shape, and only then the service: nothing runs for a stranger or bad data. */
function guarded<S extends z.ZodType, R>(
  channel: Channel,
  schema: S,
  run: (payload: z.infer<S>, event: InvokeEvent) => Promise<R>,
): (event: InvokeEvent, payload: unknown) => Promise<R> {
  return async (event, payload) => {
    if (!isOwnFrame(event.senderFrame)) throw new Error(`${channelName(channel)}: sender is not the desk page`);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new Error(`${channelName(channel)}: invalid payload`);
    return run(parsed.data, event);
  };
}

export function handlerTable(services: DeskServices): HandlerTable {
  return {
    saveFile: guarded('saveFile', saveFileRequest, (request, event) => services.saveFile(request, event.sender)),
    printToPdf: guarded('printToPdf', printRequest, (request, event) => services.printToPdf(request, event.sender)),
    openExternal: guarded('openExternal', externalUrl, (url) => services.openExternal(url)),
    rosterRequest: guarded('rosterRequest', rosterRequest, (request) => services.rosterRequest(request)),
    getSecret: guarded('getSecret', secretKey, (key) => services.getSecret(key)),
    setSecret: guarded('setSecret', setSecretRequest, (request) => services.setSecret(request)),
    beginBackup: guarded('beginBackup', backupTarget, (target, event) => services.beginBackup(target, event.sender)),
    appendBackup: guarded('appendBackup', backupPart, (part) => services.appendBackup(part)),
    finishBackup: guarded('finishBackup', backupWriteId, (id) => services.finishBackup(id)),
    abortBackup: guarded('abortBackup', backupWriteId, (id) => services.abortBackup(id)),
    listBackups: guarded('listBackups', noPayload, () => services.listBackups()),
    readBackup: guarded('readBackup', backupRange, (range) => services.readBackup(range)),
  };
}

export function registerHandlers(ipcMain: Pick<IpcMain, 'handle'>, table: HandlerTable): void {
  for (const channel of Object.keys(table) as Channel[]) {
    ipcMain.handle(channelName(channel), table[channel]);
  }
}
