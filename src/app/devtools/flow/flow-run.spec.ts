import { latestRun } from './flow-run';
import { T0, entry, tenRequestStorm } from './testing/flow-recordings';

const newestFirst = <T>(items: T[]) => [...items].reverse();

describe('latestRun', () => {
  it('keeps the requests since the last quiet second, oldest first', () => {
    const earlier = [
      entry({ id: 1, startedAt: T0 - 5_000 }),
      entry({ id: 2, startedAt: T0 - 4_900 }),
    ];
    const storm = tenRequestStorm().map((e) => ({ ...e, id: e.id + 2 }));
    const run = latestRun(newestFirst([...earlier, ...storm]));
    expect(run.map((e) => e.id)).toEqual(storm.map((e) => e.id));
  });

  it('keeps a request that started while an earlier one was still running, however long ago', () => {
    const slow = entry({ id: 1, startedAt: T0, durationMs: 10_000 });
    const later = entry({ id: 2, startedAt: T0 + 9_000 });
    expect(latestRun([later, slow]).map((e) => e.id)).toEqual([1, 2]);
    const pending = entry({ id: 3, startedAt: T0, status: null, durationMs: null });
    expect(latestRun([later, pending]).map((e) => e.id)).toEqual([3, 2]);
  });

  it('draws at most the newest maxEntries', () => {
    const many = Array.from({ length: 80 }, (_, i) => entry({ id: i + 1, startedAt: T0 + i }));
    const run = latestRun(newestFirst(many), 1_000, 60);
    expect(run.length).toBe(60);
    expect(run[0].id).toBe(21);
  });

  it('is empty for no rows', () => {
    expect(latestRun([])).toEqual([]);
  });
});
