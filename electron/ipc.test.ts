import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channelName, type Channel } from './channels';
import { handlerTable, registerHandlers, type DeskServices, type InvokeEvent } from './ipc';

const writeId = '6f1c2a3e-8b4d-4f5a-9c7e-1a2b3c4d5e6f';

function fakeServices() {
  return {
    saveFile: vi.fn(async () => ({ saved: true as const, where: '/home/a/x.xlsx' })),
    printToPdf: vi.fn(async () => ({ saved: false as const })),
    openExternal: vi.fn(async () => undefined),
    rosterRequest: vi.fn(async () => ({ status: 200, body: '{}' })),
    getSecret: vi.fn(async () => 'token'),
    setSecret: vi.fn(async () => undefined),
    beginBackup: vi.fn(async () => writeId),
    appendBackup: vi.fn(async () => undefined),
    finishBackup: vi.fn(async () => ({ saved: true as const, where: 'desk-backup-20260301T080000000Z-manual.json' })),
    abortBackup: vi.fn(async () => undefined),
    listBackups: vi.fn(async () => []),
    readBackup: vi.fn(async () => new Uint8Array([123, 125])),
  } satisfies DeskServices;
}

const sender = {} as WebContents;
const ours: InvokeEvent = { sender, senderFrame: { url: 'app://desk/index.html', parent: null } as InvokeEvent['senderFrame'] };
const fromFrame = (url: string, parent: InvokeEvent['senderFrame'] = null): InvokeEvent => ({
  sender,
  senderFrame: { url, parent } as InvokeEvent['senderFrame'],
});

const good: Record<Channel, unknown> = {
  saveFile: { suggestedName: '在孵企业.xlsx', bytes: new Uint8Array([1, 2, 3]) },
  printToPdf: { suggestedName: '评价报告.pdf' },
  openExternal: 'https://www.mohrss.gov.cn/',
  rosterRequest: { method: 'POST', url: 'https://roster.example.cn/api/push', token: 't', body: '{}' },
  getSecret: 'rosterToken',
  setSecret: { key: 'rosterToken', value: 'abc', keep: true },
  beginBackup: { to: 'kept', keep: 10, reason: 'scheduled' },
  appendBackup: { id: writeId, bytes: new Uint8Array([123, 125]) },
  finishBackup: writeId,
  abortBackup: writeId,
  listBackups: undefined,
  readBackup: { name: 'desk-backup-20260301T080000000Z-upgrade.json', offset: 0, length: 8_388_608 },
};

const bad: Record<Channel, unknown[]> = {
  saveFile: [
    undefined,
    { suggestedName: '../../.bashrc', bytes: new Uint8Array() },
    { suggestedName: 'a.xlsx', bytes: 'not bytes' },
    { suggestedName: '', bytes: new Uint8Array() },
  ],
  printToPdf: [{ suggestedName: 'report.exe' }, { suggestedName: 'C:\\evil.pdf' }, 'report.pdf'],
  openExternal: ['http://www.gov.cn/', 'file:///etc/passwd', 42, { url: 'https://www.gov.cn/' }],
  rosterRequest: [
    { method: 'DELETE', url: 'https://roster.example.cn/' },
    { method: 'GET', url: 'file:///etc/passwd' },
    { method: 'GET', url: 'ftp://roster.example.cn/' },
    { method: 'GET' },
  ],
  getSecret: ['anythingElse', null, { key: 'rosterToken' }],
  setSecret: [{ key: 'rosterToken', value: 'x' }, { key: 'other', value: 'x', keep: false }, 'rosterToken'],
  beginBackup: [
    { to: 'kept', keep: 0, reason: 'scheduled' },
    { to: 'kept', keep: 10, reason: 'whenever' },
    { to: 'chosen', suggestedName: '../../.bashrc' },
    { to: 'somewhere', suggestedName: 'a.json' },
    'kept',
  ],
  appendBackup: [
    { id: writeId, bytes: 'not bytes' },
    { id: writeId, bytes: new Uint8Array() },
    { id: writeId, bytes: new Uint8Array(8_388_609) },
    { id: '../x', bytes: new Uint8Array([1]) },
  ],
  finishBackup: ['../x', 42, null],
  abortBackup: ['../x', { id: writeId }],
  listBackups: [{}, 'all', '../'],
  readBackup: [
    { name: '../secrets.json', offset: 0, length: 10 },
    { name: 'desk-backup-20260301T080000000Z-upgrade.json/../../x', offset: 0, length: 10 },
    { name: 'desk-backup-20260301T080000000Z-upgrade.json', offset: -1, length: 10 },
    { name: 'desk-backup-20260301T080000000Z-upgrade.json', offset: 0, length: 8_388_609 },
    'desk-backup-20260301T080000000Z-upgrade.json',
  ],
};

const channels = Object.keys(good) as Channel[];

describe('IPC handler table', () => {
  it('has exactly one handler per bridge method', () => {
    expect(Object.keys(handlerTable(fakeServices())).sort()).toEqual([...channels].sort());
  });

  it.each(channels)('%s serves a well-shaped payload from our page', async (channel) => {
    const services = fakeServices();
    await handlerTable(services)[channel](ours, good[channel]);
    expect(services[channel]).toHaveBeenCalledOnce();
  });

  it.each(channels)('%s rejects wrong-shaped payloads without calling the service', async (channel) => {
    const services = fakeServices();
    for (const payload of bad[channel]) {
      await expect(handlerTable(services)[channel](ours, payload)).rejects.toThrow(/invalid payload/);
    }
    expect(services[channel]).not.toHaveBeenCalled();
  });

  it.each(channels)('%s rejects a sender that is not our page, even with a good payload', async (channel) => {
    const services = fakeServices();
    const strangers: InvokeEvent[] = [
      fromFrame('https://evil.example/'),
      fromFrame('file:///home/a/Downloads/page.html'),
      fromFrame('app://desk/index.html', ours.senderFrame),
      { sender, senderFrame: null },
    ];
    for (const event of strangers) {
      await expect(handlerTable(services)[channel](event, good[channel])).rejects.toThrow(/not the desk page/);
    }
    expect(services[channel]).not.toHaveBeenCalled();
  });

  it('passes the validated payload and the sender on to the service', async () => {
    const services = fakeServices();
    await handlerTable(services).saveFile(ours, good.saveFile);
    expect(services.saveFile).toHaveBeenCalledWith(good.saveFile, sender);
  });
});

describe('registration', () => {
  it('registers every handler under its desk: channel name', () => {
    const handle = vi.fn();
    const table = handlerTable(fakeServices());
    registerHandlers({ handle }, table);
    expect(handle.mock.calls.map(([name]) => name).sort()).toEqual(channels.map(channelName).sort());
    for (const [name, listener] of handle.mock.calls) {
      expect(listener).toBe(table[String(name).replace('desk:', '') as Channel]);
    }
  });
});
