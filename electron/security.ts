import type { Session, WebContents } from 'electron';

/**
 * The app is served from a custom, standard, secure scheme instead of file://: it gives the page a real,
 * fixed origin (so IndexedDB stays put and CSP 'self' means only our files), lets us attach the CSP as a
 * response header, and keeps file:// (which can read any file on disk) out of reach.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd's CSS-in-JS injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Registrable domains whose https pages the desk may open in the system browser (policy pages). */
export const EXTERNAL_DOMAINS: readonly string[] = ['gov.cn'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

export function isAllowedExternal(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null || parsed.protocol !== 'https:') return false;
  // Credentials or an odd port in a link are a phishing shape, never a policy page.
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return EXTERNAL_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** IPC is answered only for the top frame of our own page, never for an iframe or a navigated-away frame. */
export function isOwnFrame(frame: FrameLike | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * The window never leaves our page and never opens another window. Links to allow-listed policy pages
 * go to the system browser instead.
 */
export function lockNavigation(contents: GuardedContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    if (isAllowedExternal(event.url)) openExternal(event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Schemes a page may load from; everything else (http, https, ws, file, ftp …) is remote or disk content. */
const LOCAL_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

export function isLocalRequest(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && LOCAL_SCHEMES.has(parsed.protocol);
}

type HardenedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;

export function hardenSession(session: HardenedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Pages get no remote content. Requests without a webContents come from main (net.fetch to the
  // roster, which must pass), so only page-initiated ones are cancelled.
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: details.webContentsId !== undefined && !isLocalRequest(details.url) });
  });
}
