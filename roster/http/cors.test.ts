import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../testing/backends';
import { type RunningRoster, startRoster } from '../testing/server';

const sqlite = backends.find((b) => b.name === 'sqlite')!;
const origin = 'http://127.0.0.1:5180';

describe('CORS for the desk running in a browser', () => {
  let roster: RunningRoster;
  beforeEach(async () => {
    roster = await startRoster(sqlite);
  });
  afterEach(() => roster.close());

  it('answers the preflight of a push without a token and touches nothing', async () => {
    const reply = await fetch(`${roster.url}/v1/sync/push`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    expect(reply.headers.get('access-control-allow-methods')).toContain('POST');
    expect(reply.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('lets the page read answers and refusals alike', async () => {
    const health = await fetch(`${roster.url}/v1/health`, { headers: { origin } });
    expect(health.headers.get('access-control-allow-origin')).toBe('*');
    const refused = await fetch(`${roster.url}/v1/sync/pull`, { headers: { origin } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });
});
