import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * Maps an app:// URL to a file inside the renderer folder, or null when it points anywhere else
 * (another host, an escape with encoded dots or backslashes, a NUL byte). A path without an extension is a client-side
 * route and gets index.html.
 */
export function resolveAppFile(url: string, root: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // A backslash is a separator on Windows only; refusing it keeps the check the same on every OS.
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || /[\0\\]/.test(path)) return null;
  const relative = extname(path) === '' ? 'index.html' : path;
  const base = normalize(root);
  const file = normalize(join(base, relative));
  return file.startsWith(base.endsWith(sep) ? base : base + sep) ? file : null;
}

export function responseHeaders(file: string): Record<string, string> {
  return {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  };
}

/** The handler given to protocol.handle: serves only the built renderer, always with the CSP header. */
export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppFile(request.url, root);
    if (file === null) return new Response('Forbidden', { status: 403 });
    try {
      return new Response(await readFile(file), { status: 200, headers: responseHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
