import { describe, expect, it } from 'vitest';
import { collectInSlices } from './inSlices';

function* counted(seen: string[], count: number) {
  for (let i = 0; i < count; i++) {
    seen.push(`item ${i}`);
    yield i;
  }
}

describe('collectInSlices', () => {
  it('takes every item, letting other tasks run between slices', async () => {
    const seen: string[] = [];
    setTimeout(() => seen.push('other task'), 0);
    expect(await collectInSlices(counted(seen, 3), 0)).toEqual([0, 1, 2]);
    expect(seen).toEqual(['item 0', 'other task', 'item 1', 'item 2']);
  });

  it('keeps going within its budget', async () => {
    const seen: string[] = [];
    setTimeout(() => seen.push('other task'), 0);
    expect(await collectInSlices(counted(seen, 3), 10_000)).toEqual([0, 1, 2]);
    expect(seen).toEqual(['item 0', 'item 1', 'item 2']);
  });
});
