/** A seeded account of the in-browser server, offered on the sign-in page. */
export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly description: string;
}

/** The accounts `mock-api/seed.ts` creates (a spec keeps the two lists in step). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'demo', password: 'demo1234', description: 'a regular user' },
  { username: 'admin', password: 'admin1234', description: 'has the admin role' },
];
