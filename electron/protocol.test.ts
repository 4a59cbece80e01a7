import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolHandler, resolveAppFile } from './protocol';
import { CONTENT_SECURITY_POLICY } from './security';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'desk-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>孵化台</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer');
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('app:// file resolution', () => {
  it('maps our URLs into the renderer folder', () => {
    expect(resolveAppFile('app://desk/assets/index-abc.js', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile('app://desk/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://desk/startups/42', root)).toBe(join(root, 'index.html'));
  });

  it('never leaves the renderer folder or serves another host', () => {
    // The URL parser already folds a leading encoded '..' away: it lands inside the folder, not above it.
    expect(resolveAppFile('app://desk/%2e%2e/secret.txt', root)).toBe(join(root, 'secret.txt'));
    expect(resolveAppFile('app://desk/assets/%2e%2e%2f%2e%2e%2fsecret.txt', root)).toBeNull();
    expect(resolveAppFile('app://desk/..%5csecret.txt', root)).toBeNull();
    expect(resolveAppFile('app://desk/index.html%00.js', root)).toBeNull();
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
    expect(resolveAppFile('https://desk/index.html', root)).toBeNull();
    expect(resolveAppFile('app://desk/%E0%A4%A', root)).toBeNull();
  });
});

describe('app:// handler', () => {
  it('serves the page with the CSP header and the right content type', async () => {
    const response = await appProtocolHandler(root)(new Request('app://desk/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('孵化台');
  });

  it('serves scripts as JavaScript modules need', async () => {
    const response = await appProtocolHandler(root)(new Request('app://desk/assets/index-abc.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 403 for an escape and 404 for a missing file', async () => {
    const handler = appProtocolHandler(root);
    expect((await handler(new Request('app://desk/assets/%2e%2e%2f%2e%2e%2fsecret.txt'))).status).toBe(403);
    expect((await handler(new Request('app://desk/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://desk/assets/missing.js'))).status).toBe(404);
  });
});
