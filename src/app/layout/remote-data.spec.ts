import { Subject, of, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';

import { remoteData } from './remote-data';

describe('remoteData', () => {
  it('starts loading and holds the value once it arrives', async () => {
    const data = remoteData(() => of([1, 2]));
    expect(data.state()).toBe('loading');

    await data.reload();

    expect(data.state()).toBe('loaded');
    expect(data.value()).toEqual([1, 2]);
    expect(data.error()).toBeNull();
  });

  it('turns a failure into a sentence and keeps the last value', async () => {
    let fail = false;
    const data = remoteData(() =>
      fail ? throwError(() => new HttpErrorResponse({ status: 0 })) : of('first'),
    );
    await data.reload();

    fail = true;
    await data.reload();

    expect(data.state()).toBe('failed');
    expect(data.error()).toBe('Could not reach the server. Check your connection and try again.');
    expect(data.value()).toBe('first');
  });

  it('ignores an older load that answers after a newer one', async () => {
    const answers = [new Subject<string>(), new Subject<string>()];
    let calls = 0;
    const data = remoteData(() => answers[calls++]);
    const first = data.reload();
    const second = data.reload();

    answers[1].next('new');
    answers[0].next('old');
    await Promise.all([first, second]);

    expect(data.value()).toBe('new');
    expect(data.state()).toBe('loaded');
  });

  it('set() replaces the value and wins over a load still under way', async () => {
    const pending = new Subject<string>();
    const data = remoteData(() => pending);
    const load = data.reload();

    data.set('saved');
    pending.next('stale');
    await load;

    expect(data.value()).toBe('saved');
    expect(data.state()).toBe('loaded');
  });
});
