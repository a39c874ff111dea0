import { claimRows } from './claim-rows';

describe('claimRows', () => {
  it('explains each claim, keeps the payload order and turns time claims into dates', () => {
    const rows = claimRows({ sub: 'u1', roles: ['user', 'admin'], exp: 1_700_000_000, custom: 7 });

    expect(rows.map((row) => row.name)).toEqual(['sub', 'roles', 'exp', 'custom']);
    expect(rows[0]).toEqual({
      name: 'sub',
      meaning: 'subject: the user id',
      value: 'u1',
      time: null,
    });
    expect(rows[1].value).toBe('["user","admin"]');
    expect(rows[2].meaning).toBe('expires at');
    expect(rows[2].time?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(rows[3]).toEqual({ name: 'custom', meaning: '', value: '7', time: null });
  });

  it('has no rows without claims', () => {
    expect(claimRows(null)).toEqual([]);
  });
});
