import { contextBridge, ipcRenderer } from 'electron';
import type { DeskBridge } from '@core/bridge';
import { channelName, type Channel } from './channels';

type Payload<C extends Channel> = Parameters<DeskBridge[C]>[0];

// Only the channel names cross into the page's world, never ipcRenderer itself.
function call<C extends Channel>(channel: C, payload: Payload<C>): ReturnType<DeskBridge[C]> {
  return ipcRenderer.invoke(channelName(channel), payload) as ReturnType<DeskBridge[C]>;
}

const desk = {
  platform: 'electron',
  saveFile: (request) => call('saveFile', request),
  printToPdf: (request) => call('printToPdf', request),
  openExternal: (url) => call('openExternal', url),
  rosterRequest: (request) => call('rosterRequest', request),
  getSecret: (key) => call('getSecret', key),
  setSecret: (request) => call('setSecret', request),
  beginBackup: (target) => call('beginBackup', target),
  appendBackup: (part) => call('appendBackup', part),
  finishBackup: (id) => call('finishBackup', id),
  abortBackup: (id) => call('abortBackup', id),
  listBackups: () => call('listBackups', undefined),
  readBackup: (range) => call('readBackup', range),
} satisfies DeskBridge;

contextBridge.exposeInMainWorld('desk', desk);
