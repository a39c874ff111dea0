import { createQueueLock, defaultLock } from './server-lock';

describe('createQueueLock', () => {
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve));

  it('runs tasks of one name one after another, in call order', async () => {
    const lock = createQueueLock();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
      return name;
    };

    const results = await Promise.all([
      lock('a', task('1')),
      lock('a', task('2')),
      lock('a', task('3')),
    ]);

    expect(results).toEqual(['1', '2', '3']);
    expect(events).toEqual(['1 start', '1 end', '2 start', '2 end', '3 start', '3 end']);
  });

  it('lets tasks with different names run side by side', async () => {
    const lock = createQueueLock();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
    };

    await Promise.all([lock('a', task('a')), lock('b', task('b'))]);

    expect(events.slice(0, 2)).toEqual(['a start', 'b start']);
  });

  it('passes a failure to its caller and keeps serving the next task', async () => {
    const lock = createQueueLock();
    const failing = lock('a', () => Promise.reject(new Error('boom')));
    const next = lock('a', async () => 'still works');

    await expectAsync(failing).toBeRejectedWithError('boom');
    await expectAsync(next).toBeResolvedTo('still works');
  });
});

describe('defaultLock', () => {
  it('uses navigator.locks when the browser has it', async () => {
    const request = spyOn(navigator.locks, 'request').and.callThrough();

    await expectAsync(defaultLock()('x', async () => 42)).toBeResolvedTo(42);
    expect(request.calls.mostRecent().args[0]).toBe('x');
  });
});
