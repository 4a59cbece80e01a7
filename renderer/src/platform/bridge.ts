import type { DeskBridge } from '@core/bridge';
import { browserBridge } from './browserBridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in plain Chromium. */
    desk?: DeskBridge;
  }
}

export const bridge: DeskBridge = window.desk ?? browserBridge;
