import { HttpErrorResponse } from '@angular/common/http';

import { ApiErrorBody } from './api-contract';

export const NETWORK_ERROR_MESSAGE =
  'Could not reach the server. Check your connection and try again.';
export const SERVER_ERROR_MESSAGE = 'The server ran into a problem. Please try again in a moment.';
export const UNEXPECTED_ERROR_MESSAGE = 'Something went wrong. Please try again.';

const STATUS_MESSAGES: Partial<Record<number, string>> = {
  400: 'The server could not accept that request.',
  401: 'You need to sign in to do that.',
  403: 'You do not have permission to do that.',
  404: 'That could not be found.',
  405: 'The server does not accept that kind of request.',
  409: 'That conflicts with something that already exists.',
  413: 'That is too large to send.',
  415: 'The server could not read that request.',
  429: 'Too many attempts. Please wait a moment and try again.',
};

/**
 * One sentence for an error box, from any error a page can catch: the server's own `message` when
 * the body is an `{ error, message }` object, otherwise a plain sentence chosen by status.
 */
export function httpErrorMessage(error: unknown): string {
  const body = errorBody(error);
  if (body) return body.message;
  if (!(error instanceof HttpErrorResponse)) return UNEXPECTED_ERROR_MESSAGE;
  if (error.status === 0) return NETWORK_ERROR_MESSAGE;
  if (error.status >= 500) return SERVER_ERROR_MESSAGE;
  return STATUS_MESSAGES[error.status] ?? `The request failed (HTTP ${error.status}).`;
}

/** True for an `{ error: string, message: string }` body, the shape of every server error. */
export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { error, message } = value as Record<string, unknown>;
  return typeof error === 'string' && typeof message === 'string' && message.trim() !== '';
}

function errorBody(error: unknown): ApiErrorBody | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  let body: unknown = error.error;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  return isApiErrorBody(body) ? body : null;
}
