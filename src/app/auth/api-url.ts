/**
 * Answers "is this URL our own API?", the one question that decides whether a request may carry
 * the access token. Our API is `api/…` resolved against the document's base URI: same origin and
 * a path under `<base path>api/`. Anything else (another origin, a path outside the API, a URL
 * that does not parse) is not ours and never gets the token.
 */
export function isOwnApiUrl(url: string, baseUri: string): boolean {
  try {
    const base = new URL(baseUri);
    const target = new URL(url, base);
    const apiRoot = new URL('api/', base);
    return target.origin === base.origin && target.pathname.startsWith(apiRoot.pathname);
  } catch {
    return false;
  }
}
