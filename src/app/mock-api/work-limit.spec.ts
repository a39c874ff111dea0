import { WorkLimit } from './work-limit';

interface Log {
  running: number;
  most: number;
  order: number[];
}

/** A task that runs until `finish` is called, recording how many ran at once. */
function gate(limit: WorkLimit, log: Log, id: number) {
  let finish!: (fail?: boolean) => void;
  let started!: () => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = (fail) => (fail ? reject(new Error('task failed')) : resolve());
  });
  const began = new Promise<void>((resolve) => (started = resolve));
  const run = limit.run(async () => {
    log.order.push(id);
    log.running++;
    log.most = Math.max(log.most, log.running);
    started();
    try {
      await done;
    } finally {
      log.running--;
    }
  });
  return { finish, began, run };
}

describe('WorkLimit', () => {
  it('runs at most `limit` tasks at once, the rest in the order they came', async () => {
    const limit = new WorkLimit(2);
    const log: Log = { running: 0, most: 0, order: [] };
    const gates = Array.from({ length: 5 }, (_, id) => gate(limit, log, id));
    await Promise.all([gates[0].began, gates[1].began]);

    expect(log.order).toEqual([0, 1]);
    expect(limit.pending).toBe(5);

    for (const [i, g] of gates.entries()) {
      g.finish();
      await g.run;
      if (gates[i + 2]) await gates[i + 2].began;
    }

    expect(log.order).toEqual([0, 1, 2, 3, 4]);
    expect(log.most).toBe(2);
    expect(limit.pending).toBe(0);
  });

  it('frees the place of a task that fails, and passes its error on', async () => {
    const limit = new WorkLimit(1);
    const log: Log = { running: 0, most: 0, order: [] };
    const first = gate(limit, log, 1);
    const second = gate(limit, log, 2);
    first.finish(true);

    await expectAsync(first.run).toBeRejectedWithError('task failed');
    await second.began;
    expect(log.order).toEqual([1, 2]);
    second.finish();
    await second.run;
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
