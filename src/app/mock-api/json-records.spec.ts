import { emptyRecord, parseJsonRecords, recordOf } from './json-records';

describe('json-records', () => {
  it('makes records that inherit no keys', () => {
    const record = emptyRecord<number[]>();
    record['__proto__'] = [1];

    expect(record['constructor']).toBeUndefined();
    expect(record['toString']).toBeUndefined();
    expect(Object.keys(record)).toEqual(['__proto__']);
    expect(JSON.stringify(record)).toBe('{"__proto__":[1]}');
  });

  it('builds a record from entries, keeping "__proto__" as an ordinary key', () => {
    const record = recordOf([
      ['__proto__', 'a'],
      ['constructor', 'b'],
    ]);

    expect({ ...record }).toEqual(JSON.parse('{"__proto__":"a","constructor":"b"}'));
    expect(Object.getPrototypeOf(record)).toBeNull();
  });

  it('parses JSON into records without prototypes at every depth, arrays staying arrays', () => {
    const parsed = parseJsonRecords('{"a":{"__proto__":[1,{"b":2}]}}') as {
      a: Record<string, [number, { b: number }]>;
    };

    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(Object.getPrototypeOf(parsed.a)).toBeNull();
    expect(Array.isArray(parsed.a['__proto__'])).toBeTrue();
    expect(Object.getPrototypeOf(parsed.a['__proto__'][1])).toBeNull();
    expect(parsed.a['__proto__'][1].b).toBe(2);
    expect(parsed.a['constructor']).toBeUndefined();
  });

  it('throws on invalid JSON like JSON.parse', () => {
    expect(() => parseJsonRecords('{')).toThrowError(SyntaxError);
  });
});
