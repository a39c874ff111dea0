import { MemoryStorage } from '../browser-storage';
import { BACKUP_PREFIX, MAX_BACKUPS, REPAIRS_KEY, StateBackups } from './state-backups';

describe('StateBackups', () => {
  let storage: MemoryStorage;
  let backups: StateBackups;

  beforeEach(() => {
    storage = new MemoryStorage();
    backups = new StateBackups(storage);
    spyOn(console, 'warn');
  });

  const at = (second: number) => new Date(Date.UTC(2026, 0, 31, 12, 0, second));
  const backupKeys = () =>
    Array.from({ length: storage.length }, (_, i) => storage.key(i)!)
      .filter((key) => key.startsWith(BACKUP_PREFIX))
      .sort();

  it(`keeps the ${MAX_BACKUPS} newest copies and reports, oldest first`, () => {
    for (let i = 0; i < MAX_BACKUPS + 1; i++)
      backups.keep('mock-api:state', `text ${i}`, [`p${i}`], at(i));

    expect(backupKeys()).toEqual([1, 2, 3].map((i) => `${BACKUP_PREFIX}${at(i).toISOString()}`));
    expect(backups.reports().map((report) => report.problems)).toEqual([['p1'], ['p2'], ['p3']]);
    expect(storage.getItem(backupKeys()[0])).toBe('text 1');
  });

  it('says there is no copy when the storage refuses it, and still reports', () => {
    const setItem = storage.setItem.bind(storage);
    spyOn(storage, 'setItem').and.callFake((key: string, value: string) => {
      if (key.startsWith(BACKUP_PREFIX)) throw new DOMException('full', 'QuotaExceededError');
      setItem(key, value);
    });

    const report = backups.keep('mock-api:settings', 'text', ['p'], at(0));

    expect(report.backupKey).toBeNull();
    expect(backups.reports()).toEqual([report]);
    expect(console.warn).toHaveBeenCalledWith(jasmine.stringContaining('the storage is full'));
  });

  it('reads damaged reports as none, and dismissing keeps the copies', () => {
    const listener = jasmine.createSpy('listener');
    backups.onChange(listener);
    backups.keep('mock-api:state', 'text', ['p'], at(0));
    storage.setItem(REPAIRS_KEY, '[{"at": 1}]');
    expect(backups.reports()).toEqual([]);

    backups.dismiss();

    expect(storage.getItem(REPAIRS_KEY)).toBeNull();
    expect(backupKeys().length).toBe(1);
    expect(listener.calls.allArgs()).toEqual([
      [[jasmine.objectContaining({ problems: ['p'] })]],
      [[]],
    ]);
  });
});
