import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  isAllowedExternal,
  isOwnFrame,
  lockNavigation,
  type FrameLike,
} from './security';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

describe('content security policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts only from our own files: no inline script, no eval, no remote host', () => {
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
  });

  it('allows inline style (antd CSS-in-JS) and nothing else beyond self', () => {
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('img-src')).toBe("'self' data: blob:");
    expect(csp.get('font-src')).toBe("'self' data:");
    expect(csp.get('connect-src')).toBe("'self'");
  });

  it('closes plugins, base rewriting, form posts and framing', () => {
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
  });

  it('never contains a wildcard, http source or unsafe-eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*|https?:|unsafe-eval/);
  });
});

describe('openExternal allow-list', () => {
  it.each([
    'https://www.gov.cn/zhengce/index.htm',
    'https://www.mohrss.gov.cn/SYrlzyhshbzb/jiuye/',
    'https://gov.cn/',
    'https://HRSS.GD.GOV.CN/zwgk/',
  ])('accepts %s', (url) => expect(isAllowedExternal(url)).toBe(true));

  it.each([
    ['plain http', 'http://www.gov.cn/'],
    ['a look-alike domain', 'https://gov.cn.evil.example/'],
    ['a domain that merely ends in the same letters', 'https://notgov.cn/'],
    ['credentials in the URL', 'https://user@www.gov.cn/'],
    ['an explicit port', 'https://www.gov.cn:8443/'],
    ['file URLs', 'file:///etc/passwd'],
    ['javascript URLs', 'javascript:alert(1)'],
    ['a custom protocol', 'ms-msdt:/id PCWDiagnostic'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_label, url) => expect(isAllowedExternal(url)).toBe(false));
});

describe('sender check', () => {
  const top = (url: string): FrameLike => ({ url, parent: null });

  it('accepts the top frame of our app:// page', () => {
    expect(isOwnFrame(top('app://desk/index.html'))).toBe(true);
    expect(isOwnFrame(top('app://desk/index.html#/startups'))).toBe(true);
  });

  it('refuses other origins, file pages, subframes and a missing frame', () => {
    expect(isOwnFrame(top('https://evil.example/'))).toBe(false);
    expect(isOwnFrame(top('app://other/index.html'))).toBe(false);
    expect(isOwnFrame(top('file:///work/dist/renderer/index.html'))).toBe(false);
    expect(isOwnFrame({ url: 'app://desk/index.html', parent: top('app://desk/index.html') })).toBe(false);
    expect(isOwnFrame(null)).toBe(false);
  });
});

type Contents = Parameters<typeof lockNavigation>[0];
type Listener = (event: { url: string; preventDefault: () => void }) => void;
type OpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: OpenHandler | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: OpenHandler) {
      openHandler = handler;
    },
  };
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener(event);
    return event.preventDefault;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url });
  };
  return { contents: contents as unknown as Contents, fire, open };
}

describe('navigation lock', () => {
  it('lets the page move within our own origin', () => {
    const { contents, fire } = fakeContents();
    lockNavigation(contents, vi.fn());
    expect(fire('will-navigate', 'app://desk/index.html#/mentors')).not.toHaveBeenCalled();
  });

  it('refuses navigation anywhere else, sending allow-listed pages to the system browser only', () => {
    const { contents, fire } = fakeContents();
    const openExternal = vi.fn();
    lockNavigation(contents, openExternal);
    expect(fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-navigate', 'file:///etc/passwd')).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
    expect(fire('will-navigate', 'https://www.mohrss.gov.cn/')).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://www.mohrss.gov.cn/');
  });

  it('denies every new window', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn();
    lockNavigation(contents, openExternal);
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://desk/index.html')).toEqual({ action: 'deny' });
    expect(open('https://www.gov.cn/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.gov.cn/']]);
  });

  it('refuses to attach a webview', () => {
    const { contents, fire } = fakeContents();
    lockNavigation(contents, vi.fn());
    expect(fire('will-attach-webview', 'app://desk/index.html')).toHaveBeenCalled();
  });
});

describe('session hardening', () => {
  type Session = Parameters<typeof hardenSession>[0];
  type RequestListener = (details: { url: string; webContentsId?: number }, cb: (r: { cancel: boolean }) => void) => void;

  function hardened() {
    let request: ((...args: unknown[]) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    let beforeRequest: RequestListener | undefined;
    const session = {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (request = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (check = handler),
      webRequest: { onBeforeRequest: (listener: RequestListener) => (beforeRequest = listener) },
    };
    hardenSession(session as unknown as Session);
    if (!request || !check || !beforeRequest) throw new Error('session handlers not installed');
    const cancelled = (details: { url: string; webContentsId?: number }) => {
      let answer: boolean | undefined;
      beforeRequest?.(details, (r) => (answer = r.cancel));
      return answer;
    };
    return { request, check, cancelled };
  }

  it('denies every permission request and check', () => {
    const { request, check } = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(check({}, permission, 'app://desk', {})).toBe(false);
    }
  });

  it('cancels remote content requested by a page but lets main reach the roster', () => {
    const { cancelled } = hardened();
    expect(cancelled({ url: 'https://cdn.example/lib.js', webContentsId: 1 })).toBe(true);
    expect(cancelled({ url: 'http://127.0.0.1:5180/', webContentsId: 1 })).toBe(true);
    expect(cancelled({ url: 'file:///etc/passwd', webContentsId: 1 })).toBe(true);
    expect(cancelled({ url: 'app://desk/assets/index.js', webContentsId: 1 })).toBe(false);
    expect(cancelled({ url: 'data:image/png;base64,AAAA', webContentsId: 1 })).toBe(false);
    expect(cancelled({ url: 'https://roster.example.gov.cn/api/sync' })).toBe(false);
  });
});
