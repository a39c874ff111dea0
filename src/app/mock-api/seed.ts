/**
 * The state of a freshly installed server: a new signing key and two demo accounts with todos.
 *
 * | username | password    | roles       |
 * | -------- | ----------- | ----------- |
 * | demo     | `demo1234`  | user        |
 * | admin    | `admin1234` | user, admin |
 */
import type { Role } from '../api-contract';
import { emptyRecord } from './json-records';
import { hashPassword } from './passwords';
import type { ServerState, TodoRecord, UserRecord } from './server-state';
import { generateSigningKey } from './token-service';

interface SeedAccount {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  todos: [title: string, done: boolean][];
}

export const SEED_ACCOUNTS: readonly SeedAccount[] = [
  {
    username: 'demo',
    password: 'demo1234',
    displayName: 'Demo User',
    roles: ['user'],
    todos: [
      ['Sign in and open the token inspector', true],
      ['Wait 30 seconds and watch the access token refresh silently', false],
      ['Replay an old refresh token and see the session revoked', false],
    ],
  },
  {
    username: 'admin',
    password: 'admin1234',
    displayName: 'Admin User',
    roles: ['user', 'admin'],
    todos: [
      ['Check the active sessions on the admin page', false],
      ['Sign in from a sixth tab and watch the oldest session go', false],
    ],
  },
];

export async function createSeedState(
  passwordIterations: number,
  now: number,
): Promise<ServerState> {
  const createdAt = new Date(now).toISOString();
  const hashes = await Promise.all(
    SEED_ACCOUNTS.map((account) => hashPassword(account.password, passwordIterations)),
  );
  const users: UserRecord[] = SEED_ACCOUNTS.map((account, i) => ({
    id: crypto.randomUUID(),
    username: account.username,
    displayName: account.displayName,
    roles: [...account.roles],
    createdAt,
    lastLoginAt: null,
    passwordHash: hashes[i],
    accessTokensValidFrom: 0,
  }));
  const todos: TodoRecord[] = SEED_ACCOUNTS.flatMap((account, i) =>
    account.todos.map(([title, done]) => ({
      id: crypto.randomUUID(),
      ownerId: users[i].id,
      title,
      done,
      createdAt,
    })),
  );
  return {
    version: 1,
    signingKey: generateSigningKey(),
    users,
    sessions: [],
    refreshTokens: [],
    todos,
    loginFailures: emptyRecord(),
  };
}
