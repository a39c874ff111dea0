/**
 * `repairState`: mends stored server state that fails its checks (`state-checks.ts`) one part at a
 * time, so one bad row costs that row and not every user and todo:
 *
 * - a bad or missing signing key is replaced by a new one (every token issued before is refused);
 * - a bad row is dropped, the rest of its table kept;
 * - a missing part is seeded again on its own (with no user left, the demo accounts come back);
 * - a part this version does not know is dropped;
 * - text that is not a JSON object, or a state of another version, is seeded again as a whole.
 *
 * Each change is reported in one sentence, so the caller can tell the user and keep a copy of the
 * stored text first (`ServerDb`, `state-backups.ts`).
 */
import { emptyRecord, parseJsonRecords, recordOf } from './json-records';
import type {
  RefreshTokenRecord,
  ServerState,
  SessionRecord,
  TodoRecord,
  UserRecord,
} from './server-state';
import {
  isFailureTimes,
  isGoodRow,
  isRow,
  type Row,
  STATE_PARTS,
  type TableName,
} from './state-checks';
import { generateSigningKey, isSigningKey } from './token-service';

export interface StateRepair {
  state: ServerState;
  /** What was dropped, replaced or seeded again, one sentence each, in the order of the parts. */
  problems: string[];
}

const TABLE_LABELS: Readonly<Record<TableName, string>> = {
  users: 'Users',
  sessions: 'Sessions',
  refreshTokens: 'Refresh tokens',
  todos: 'Todos',
};

/** Stored `raw` text as a valid state, and what it took. `seed` is called at most once. */
export async function repairState(
  raw: string,
  seed: () => Promise<ServerState>,
): Promise<StateRepair> {
  const stored = parseObject(raw);
  const version = stored?.['version'];
  if (stored === null || (version !== 1 && version !== undefined)) {
    const why = stored ? `is of unknown version ${JSON.stringify(version)}` : 'was not readable';
    return {
      state: await seed(),
      problems: [`The stored state ${why}; all of it was seeded again.`],
    };
  }
  const problems: string[] = [];
  let seeded: Promise<ServerState> | undefined;
  const fresh = () => (seeded ??= seed());

  if (version === undefined) problems.push('Version: missing; set to 1.');
  const keyOk = isSigningKey(stored['signingKey']);
  if (!keyOk) {
    problems.push(
      'Signing key: missing or not a base64url key of 32 bytes; replaced by a new one, so every ' +
        'token issued before it is refused (sign in again).',
    );
  }
  const table = async <T>(name: TableName, fallback: () => Promise<T[]>): Promise<T[]> =>
    (goodRows(name, stored[name], problems) as T[] | null) ?? fallback();

  let users = await table<UserRecord>('users', async () => (await fresh()).users);
  if (users.length === 0) {
    problems.push('Users: none left; the demo accounts were seeded again.');
    users = (await fresh()).users;
  }
  const sessions = await table<SessionRecord>('sessions', async () => []);
  const refreshTokens = await table<RefreshTokenRecord>('refreshTokens', async () => []);
  const todos = await table('todos', async () => seedTodosOf(await fresh(), users));
  const loginFailures = goodFailures(stored['loginFailures'], problems);
  const unknown = Object.keys(stored).filter(
    (part) => !(STATE_PARTS as readonly string[]).includes(part),
  );
  for (const part of unknown) problems.push(`Unknown part ${JSON.stringify(part)}: dropped.`);

  const signingKey = keyOk ? (stored['signingKey'] as string) : generateSigningKey();
  const tables = { users, sessions, refreshTokens, todos };
  return { state: { version: 1, signingKey, ...tables, loginFailures }, problems };
}

function parseObject(raw: string): Row | null {
  try {
    const parsed = parseJsonRecords(raw);
    return isRow(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The good rows of a table (reporting the others), or `null` when it is not a list at all. */
function goodRows(name: TableName, rows: unknown, problems: string[]): unknown[] | null {
  if (!Array.isArray(rows)) {
    problems.push(
      `${TABLE_LABELS[name]}: ${rows === undefined ? 'missing' : 'not a list'}; seeded again.`,
    );
    return null;
  }
  const bad = rows.flatMap((row, i) => (isGoodRow(name, row) ? [] : [i + 1]));
  if (bad.length > 0) {
    problems.push(
      `${TABLE_LABELS[name]}: dropped ${rowNumbers(bad)} of ${rows.length}, which did not have the right fields.`,
    );
  }
  return rows.filter((row) => isGoodRow(name, row));
}

/** "row 2", "rows 2, 5 and 7", "rows 1, 2, 3, 4, 5 and 6 more". */
function rowNumbers(numbers: number[]): string {
  if (numbers.length === 1) return `row ${numbers[0]}`;
  const shown = numbers.slice(0, 5);
  const rest = numbers.length - shown.length;
  const last = rest > 0 ? `${rest} more` : String(shown.pop());
  return `rows ${shown.join(', ')} and ${last}`;
}

/** The good entries of `loginFailures` (reporting the others); none when it is not a record. */
function goodFailures(failures: unknown, problems: string[]): Record<string, number[]> {
  if (!isRow(failures)) {
    problems.push(
      `Sign-in failures: ${failures === undefined ? 'missing' : 'not a record'}; seeded again (none).`,
    );
    return emptyRecord();
  }
  const entries = Object.entries(failures);
  const good = entries.filter(([, times]) => isFailureTimes(times)) as [string, number[]][];
  const dropped = entries.length - good.length;
  if (dropped > 0) problems.push(`Sign-in failures: dropped those of ${dropped} username(s).`);
  return recordOf(good);
}

/** The seed's todos, each given to the kept user with its seed owner's username (if any). */
function seedTodosOf(seed: ServerState, users: readonly UserRecord[]): TodoRecord[] {
  const idByName = new Map(users.map((user) => [user.username, user.id]));
  return seed.todos.flatMap((todo) => {
    const name = seed.users.find((user) => user.id === todo.ownerId)?.username;
    const ownerId = name === undefined ? undefined : idByName.get(name);
    return ownerId === undefined ? [] : [{ ...todo, ownerId }];
  });
}
