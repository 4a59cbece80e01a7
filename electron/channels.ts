import type { DeskBridge } from '@core/bridge';

/** Every bridge method is one IPC channel; its name is derived here once, for preload and main alike. */
export type Channel = Exclude<keyof DeskBridge, 'platform'>;

export function channelName(channel: Channel): string {
  return `desk:${channel}`;
}
