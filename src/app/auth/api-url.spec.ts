import { isOwnApiUrl } from './api-url';

describe('isOwnApiUrl', () => {
  const base = 'https://app.example.com/';

  it('accepts relative api/ URLs and absolute URLs to our API', () => {
    expect(isOwnApiUrl('api/todos', base)).toBeTrue();
    expect(isOwnApiUrl('api/users/me?x=1', base)).toBeTrue();
    expect(isOwnApiUrl('/api/todos', base)).toBeTrue();
    expect(isOwnApiUrl('https://app.example.com/api/todos', base)).toBeTrue();
  });

  it('rejects other origins, including look-alikes and protocol-relative URLs', () => {
    expect(isOwnApiUrl('https://evil.example.org/api/todos', base)).toBeFalse();
    expect(isOwnApiUrl('//evil.example.org/api/todos', base)).toBeFalse();
    expect(isOwnApiUrl('http://app.example.com/api/todos', base)).toBeFalse();
    expect(isOwnApiUrl('https://app.example.com:8443/api/todos', base)).toBeFalse();
    expect(isOwnApiUrl('https://app.example.com.evil.org/api/todos', base)).toBeFalse();
  });

  it('rejects paths outside the API', () => {
    expect(isOwnApiUrl('assets/config.json', base)).toBeFalse();
    expect(isOwnApiUrl('apiary/x', base)).toBeFalse();
    expect(isOwnApiUrl('api', base)).toBeFalse();
    expect(isOwnApiUrl('api/../secrets', base)).toBeFalse();
  });

  it('honours a base path: only <base>api/ is ours', () => {
    const subPath = 'https://user.github.io/jwt-demo/';
    expect(isOwnApiUrl('api/todos', subPath)).toBeTrue();
    expect(isOwnApiUrl('/jwt-demo/api/todos', subPath)).toBeTrue();
    expect(isOwnApiUrl('/api/todos', subPath)).toBeFalse();
    expect(isOwnApiUrl('https://user.github.io/other-app/api/todos', subPath)).toBeFalse();
  });

  it('returns false instead of throwing for a base that does not parse', () => {
    expect(isOwnApiUrl('api/todos', 'not a url')).toBeFalse();
  });
});
