import { HttpErrorResponse } from '@angular/common/http';

import { REFRESH_UNAVAILABLE_MESSAGE, refreshUnavailableError } from './auth/auth-errors';
import {
  httpErrorMessage,
  NETWORK_ERROR_MESSAGE,
  SERVER_ERROR_MESSAGE,
  UNEXPECTED_ERROR_MESSAGE,
} from './http-error-message';

function httpError(status: number, error: unknown = null): HttpErrorResponse {
  return new HttpErrorResponse({ status, error, url: 'api/todos' });
}

describe('httpErrorMessage', () => {
  it('uses the server message when the body is an ApiErrorBody', () => {
    const body = { error: 'username_taken', message: 'That username is already taken.' };
    expect(httpErrorMessage(httpError(409, body))).toBe('That username is already taken.');
    expect(httpErrorMessage(httpError(409, JSON.stringify(body)))).toBe(
      'That username is already taken.',
    );
  });

  it('shows the refresh_unavailable message for a transiently failed refresh', () => {
    expect(httpErrorMessage(refreshUnavailableError(httpError(0)))).toBe(
      REFRESH_UNAVAILABLE_MESSAGE,
    );
  });

  it('explains a network error (status 0)', () => {
    expect(httpErrorMessage(httpError(0, new ProgressEvent('error')))).toBe(NETWORK_ERROR_MESSAGE);
    expect(NETWORK_ERROR_MESSAGE).toBe(
      'Could not reach the server. Check your connection and try again.',
    );
  });

  it('uses a generic server text for 5xx without a usable body', () => {
    expect(httpErrorMessage(httpError(500))).toBe(SERVER_ERROR_MESSAGE);
    expect(httpErrorMessage(httpError(503, '<html>Bad gateway</html>'))).toBe(SERVER_ERROR_MESSAGE);
  });

  it('falls back to a sentence per status, then to a generic one', () => {
    expect(httpErrorMessage(httpError(403))).toBe('You do not have permission to do that.');
    expect(httpErrorMessage(httpError(404, { message: 'no error code' }))).toBe(
      'That could not be found.',
    );
    expect(httpErrorMessage(httpError(418))).toBe('The request failed (HTTP 418).');
  });

  it('explains 405, 413 and 415 without a usable body in plain words', () => {
    expect(httpErrorMessage(httpError(405))).toBe(
      'The server does not accept that kind of request.',
    );
    expect(httpErrorMessage(httpError(413))).toBe('That is too large to send.');
    expect(httpErrorMessage(httpError(415))).toBe('The server could not read that request.');
  });

  it('handles anything that is not an HttpErrorResponse', () => {
    for (const error of [new Error('boom'), 'text', null, undefined, { message: 'x' }]) {
      expect(httpErrorMessage(error)).toBe(UNEXPECTED_ERROR_MESSAGE);
    }
  });
});
