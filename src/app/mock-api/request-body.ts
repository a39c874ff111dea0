/**
 * Reading a request body off the wire, before any handler sees it: at most 16 kB (413), only
 * `application/json` (415), and valid JSON (400). A request without a body passes as `undefined`.
 */
import { error, invalidRequest, type ServerResponse } from './http';
import { parseJsonRecords } from './json-records';

/** The largest request body accepted, in bytes of UTF-8; every body of the contract is far less. */
export const MAX_BODY_BYTES = 16 * 1024;

export type ReadBody = { ok: true; body: unknown } | { ok: false; response: ServerResponse };

/** The parsed body of a request, or the response refusing it. */
export function readBody(rawBody: string | null, contentType: string | undefined): ReadBody {
  if (rawBody === null || rawBody === '') return { ok: true, body: undefined };
  if (new TextEncoder().encode(rawBody).length > MAX_BODY_BYTES) {
    const message = `The request body is larger than ${MAX_BODY_BYTES / 1024} kB.`;
    return { ok: false, response: error(413, 'payload_too_large', message) };
  }
  if (!isJson(contentType)) {
    const message = `The request body must be sent as application/json, not ${contentType ?? 'without a Content-Type'}.`;
    return { ok: false, response: error(415, 'unsupported_media_type', message) };
  }
  try {
    return { ok: true, body: parseJsonRecords(rawBody) };
  } catch {
    return { ok: false, response: invalidRequest('The request body is not valid JSON.') };
  }
}

/** `application/json`, in any case, with or without parameters such as `charset=utf-8`. */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/json';
}
