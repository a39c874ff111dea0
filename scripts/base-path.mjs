// @ts-check
/**
 * The base path of a sub-path deployment (`/repo-name/` on GitHub Pages): how a user may write it,
 * how it is read back from a build, and how a request URL maps into the folder served there.
 * Shared by build-pages.mjs and serve-pages.mjs; tested by base-path.test.mjs.
 */

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * Turns `repo`, `/repo` or `/repo/` into `/repo/` (also `/a/b/`, and `/` or `` into `/` for a site
 * served from the root of its domain). Anything that is not a plain URL path is refused.
 * @param {string} input
 * @returns {string}
 */
export function normalizeBasePath(input) {
  const segments = input.trim().split('/').filter(Boolean);
  const bad = segments.find((s) => !SEGMENT.test(s) || s === '.' || s === '..');
  if (bad !== undefined) {
    throw new Error(
      `The base path must be a URL path such as /my-repo/, not ${JSON.stringify(input)}.`,
    );
  }
  return segments.length ? `/${segments.join('/')}/` : '/';
}

/**
 * The `href` of the `<base>` element of a built index.html, or null when it has none.
 * @param {string} html
 * @returns {string | null}
 */
export function readBaseHref(html) {
  return /<base\s+href="([^"]*)"/i.exec(html)?.[1] ?? null;
}

/**
 * How a static server that mounts a folder at `base` answers a request URL, the way GitHub Pages
 * does for a project site: `/repo` redirects to `/repo/`, paths under `/repo/` map into the
 * folder, anything else is not this site.
 * @param {string} base a normalized base path, such as `/jwt-demo/`
 * @param {string} requestUrl the path and query of the request, such as `/jwt-demo/profile?x=1`
 * @returns {{ kind: 'inside', url: string } | { kind: 'redirect', location: string } | { kind: 'outside' }}
 */
export function routeUnderBasePath(base, requestUrl) {
  const { pathname, search } = new URL(requestUrl, 'http://server.invalid');
  if (base !== '/' && pathname === base.slice(0, -1)) {
    return { kind: 'redirect', location: base + search };
  }
  if (!pathname.startsWith(base)) return { kind: 'outside' };
  return { kind: 'inside', url: `/${pathname.slice(base.length)}${search}` };
}
