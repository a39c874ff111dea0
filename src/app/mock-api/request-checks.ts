/**
 * Input validation for request bodies: each check returns the value or a message for a 400.
 *
 * Handlers call these first, before touching any state, so a bad request changes nothing.
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export type JsonObject = Record<string, unknown>;

export interface TextRule {
  /** Missing (or `undefined`) is allowed and yields `undefined`. */
  optional?: boolean;
  /** Remove surrounding white space before the length check. */
  trim?: boolean;
  min: number;
  max: number;
  pattern?: RegExp;
  /** How the value breaks `pattern`, e.g. "may only contain a-z, 0-9, '.', '_' and '-'". */
  patternHint?: string;
}

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const problem = (message: string): Checked<never> => ({ ok: false, message });

/** The body must be a JSON object (not an array, string or nothing). */
export function objectBody(body: unknown): Checked<JsonObject> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? ok(body as JsonObject)
    : problem('The request body must be a JSON object.');
}

type Values<T> = { [K in keyof T]: T[K] extends Checked<infer V> ? V : never };

/**
 * Checks that the body is a JSON object, then runs the field checks; answers every field's value,
 * or the first problem in field order.
 */
export function checkBody<T extends Record<string, Checked<unknown>>>(
  raw: unknown,
  fields: (body: JsonObject) => T,
): Checked<Values<T>> {
  const body = objectBody(raw);
  if (!body.ok) return body;
  const checks = fields(body.value);
  const values: Record<string, unknown> = {};
  for (const [field, check] of Object.entries(checks)) {
    if (!check.ok) return check;
    values[field] = check.value;
  }
  return ok(values as Values<T>);
}

/** A string field checked against a length range and an optional pattern. */
export function textField(
  body: JsonObject,
  field: string,
  rule: TextRule & { optional: true },
): Checked<string | undefined>;
export function textField(body: JsonObject, field: string, rule: TextRule): Checked<string>;
export function textField(
  body: JsonObject,
  field: string,
  rule: TextRule,
): Checked<string | undefined> {
  const raw = body[field];
  if (raw === undefined) {
    return rule.optional ? ok(undefined) : problem(`"${field}" is required.`);
  }
  if (typeof raw !== 'string') return problem(`"${field}" must be a string.`);
  const value = rule.trim ? raw.trim() : raw;
  if (value.length < rule.min || value.length > rule.max) {
    return problem(lengthMessage(field, rule));
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    return problem(`"${field}" ${rule.patternHint ?? 'has an invalid format'}.`);
  }
  return ok(value);
}

/** An optional boolean field. */
export function booleanField(body: JsonObject, field: string): Checked<boolean | undefined> {
  const raw = body[field];
  if (raw === undefined || typeof raw === 'boolean') return ok(raw);
  return problem(`"${field}" must be true or false.`);
}

function lengthMessage(field: string, rule: TextRule): string {
  if (rule.min === 0) return `"${field}" must be at most ${rule.max} characters long.`;
  if (rule.min === 1) {
    return `"${field}" must not be empty and must be at most ${rule.max} characters long.`;
  }
  return `"${field}" must be ${rule.min} to ${rule.max} characters long.`;
}
