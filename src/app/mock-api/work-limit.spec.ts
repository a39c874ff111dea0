import { WorkLimit } from './work-limit';

/** A task that runs until `finish` is called, recording how many ran at once. */
function gate(limit: WorkLimit, log: { running: number; most: number; order: number[] }) {
  let finish!: (fail?: boolean) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = (fail) => (fail ? reject(new Error('task failed')) : resolve());
  });
  return {
    finish: (fail?: boolean) => finish(fail),
    start: (id: number) =>
      limit.run(async () => {
        log.order.push(id);
        log.running++;
        log.most = Math.max(log.most, log.running);
        try {
          await done;
        } finally {
          log.running--;
        }
      }),
  };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve));

describe('WorkLimit', () => {
  it('runs at most `limit` tasks at once, the rest in the order they came', async () => {
    const limit = new WorkLimit(2);
    const log = { running: 0, most: 0, order: [] as number[] };
    const gates = Array.from({ length: 5 }, () => gate(limit, log));
    const runs = gates.map((g, id) => g.start(id));
    await settle();

    expect(log.order).toEqual([0, 1]);
    expect(limit.pending).toBe(5);

    for (const g of gates) {
      g.finish();
      await settle();
    }
    await Promise.all(runs);

    expect(log.order).toEqual([0, 1, 2, 3, 4]);
    expect(log.most).toBe(2);
    expect(limit.pending).toBe(0);
  });

  it('frees the place of a task that fails, and passes its error on', async () => {
    const limit = new WorkLimit(1);
    const log = { running: 0, most: 0, order: [] as number[] };
    const [first, second] = [gate(limit, log), gate(limit, log)];
    const failing = first.start(1);
    const next = second.start(2);
    first.finish(true);

    await expectAsync(failing).toBeRejectedWithError('task failed');
    await settle();
    expect(log.order).toEqual([1, 2]);
    second.finish();
    await next;
    expect(limit.pending).toBe(0);
  });

  it('refuses a limit that is not a positive whole number', () => {
    for (const bad of [0, -1, 1.5, NaN]) {
      expect(() => new WorkLimit(bad))
        .withContext(String(bad))
        .toThrowError(RangeError);
    }
  });
});
