import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async () => 'reply'),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke },
}));

beforeEach(async () => {
  vi.resetModules();
  electron.exposeInMainWorld.mockClear();
  electron.invoke.mockClear();
  await import('./preload');
});

function exposed(): Record<string, unknown> {
  const [name, api] = electron.exposeInMainWorld.mock.calls[0] ?? [];
  expect(name).toBe('desk');
  return api as Record<string, unknown>;
}

describe('preload', () => {
  it('exposes exactly one object, window.desk, holding only the bridge', () => {
    expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(exposed()).sort()).toEqual(
      [
        'abortBackup',
        'appendBackup',
        'beginBackup',
        'finishBackup',
        'getSecret',
        'listBackups',
        'openExternal',
        'platform',
        'printToPdf',
        'readBackup',
        'rosterRequest',
        'saveFile',
        'setSecret',
      ],
    );
    expect(exposed().platform).toBe('electron');
  });

  it('forwards each call to its own desk: channel with the payload unchanged', async () => {
    const desk = exposed();
    const payload = { suggestedName: 'a.xlsx', bytes: new Uint8Array([1]) };
    await (desk.saveFile as (p: unknown) => Promise<unknown>)(payload);
    await (desk.getSecret as (k: string) => Promise<unknown>)('rosterToken');
    expect(electron.invoke.mock.calls).toEqual([
      ['desk:saveFile', payload],
      ['desk:getSecret', 'rosterToken'],
    ]);
  });

  it('never hands ipcRenderer or another function with a channel argument to the page', () => {
    for (const value of Object.values(exposed())) {
      if (typeof value === 'function') expect(value.length).toBeLessThanOrEqual(1);
    }
  });
});
