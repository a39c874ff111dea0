import { HttpErrorResponse, HttpHeaders, HttpRequest } from '@angular/common/http';

import { toHttpError } from './in-memory-backend';

describe('toHttpError', () => {
  const request = new HttpRequest('GET', 'api/todos');

  it('passes an HttpErrorResponse through unchanged', () => {
    const original = new HttpErrorResponse({ status: 418 });

    expect(toHttpError(original, request)).toBe(original);
  });

  it('maps the library’s plain error object field by field', () => {
    const headers = new HttpHeaders({ 'Retry-After': '3' });
    const body = { error: 'too_many_attempts', message: 'Wait.', retryAfter: 3 };
    const error = toHttpError(
      { status: 429, statusText: 'Too Many Requests', url: 'api/auth/login', headers, body },
      request,
    );

    expect(error).toEqual(jasmine.any(HttpErrorResponse));
    expect(error.status).toBe(429);
    expect(error.statusText).toBe('Too Many Requests');
    expect(error.url).toBe('api/auth/login');
    expect(error.headers.get('Retry-After')).toBe('3');
    expect(error.error).toEqual(body);
  });

  it('turns status 0 into a network error with a ProgressEvent, as a dropped connection gives', () => {
    const error = toHttpError({ status: 0 }, request);

    expect(error.status).toBe(0);
    expect(error.statusText).toBe('Unknown Error');
    expect(error.error).toEqual(jasmine.any(ProgressEvent));
    expect(error.url).toBe('api/todos');
  });

  it('turns a thrown Error into 500 with a contract-shaped body', () => {
    const error = toHttpError(new Error('storage is full'), request);

    expect(error.status).toBe(500);
    expect(error.statusText).toBe('Internal Server Error');
    expect(error.error).toEqual({
      error: 'server_error',
      message: 'The in-browser server failed: storage is full',
    });
  });

  it('wraps the library’s own {error: text} bodies in the contract shape', () => {
    const error = toHttpError({ status: 500, body: { error: 'Unknown command' } }, request);

    expect(error.error).toEqual({
      error: 'server_error',
      message: 'The in-browser server failed: Unknown command',
    });
  });
});
