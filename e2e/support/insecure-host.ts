/**
 * A host name that is not localhost, so a page served under it over plain http is not a secure
 * context. playwright.config.ts maps it to 127.0.0.1 in Chromium (`--host-resolver-rules`), so the
 * traffic never leaves this machine; `.test` is reserved (RFC 2606) and never a real host anyway.
 */
export const INSECURE_HOST = 'insecure.test';
