import { afterEach, describe, expect, it } from 'vitest';
import { readWholeSnapshot, syncClient } from '../client';
import { backends } from '../testing/backends';
import { incubatorRecords, seedCarrier } from '../testing/seed';
import { type RunningRoster, startRoster } from '../testing/server';

describe.each(backends)('a new desk rebuilt from the snapshot on $name', (backend) => {
  let roster: RunningRoster;
  afterEach(() => roster.close());

  it('hands over 10,000 startups with their founders, sessions, reports and exits, each record once', { timeout: 180_000 }, async () => {
    roster = await startRoster(backend);
    const token = await roster.carrier('C-BIG');
    await roster.carrier('C-NEIGHBOUR');
    const records = incubatorRecords(10_000);
    await seedCarrier(roster.store, 'C-BIG', records);
    await seedCarrier(roster.store, 'C-NEIGHBOUR', records.slice(0, 50));

    const totals: number[] = [];
    const pages = await readWholeSnapshot(syncClient(roster.url, token), 1000, (page) => totals.push(page.total));
    const got = pages.flatMap((p) => p.records);
    expect(new Set(totals)).toEqual(new Set([records.length]));
    expect(got).toHaveLength(records.length);
    expect(new Set(got.map((r) => `${r.entity}/${r.recordId}`)).size).toBe(records.length);
    const sent = new Map(records.map((r) => [`${r.entity}/${r.recordId}`, r.record]));
    for (const r of got) {
      const original = sent.get(`${r.entity}/${r.recordId}`);
      if (r.entity === 'startup') expect(r.record).toEqual({ ...original, rosterId: expect.stringMatching(/^RS\d{8}$/) });
      else expect(r.record).toEqual(original);
    }
    const counts = (list: { entity: string }[]) => {
      const byEntity: Record<string, number> = {};
      for (const r of list) byEntity[r.entity] = (byEntity[r.entity] ?? 0) + 1;
      return byEntity;
    };
    expect(counts(got)).toEqual(counts(records));
    expect(counts(got).startup).toBe(10_000);
    expect(new Set(pages.map((p) => p.cursor)).size).toBe(1);
  });
});
