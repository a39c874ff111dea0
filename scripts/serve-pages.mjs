#!/usr/bin/env node
// @ts-check
/**
 * Serves a build from build-pages.mjs the way GitHub Pages serves a project site, to try the
 * hosted demo locally and to run the e2e suite against it:
 *
 *   npm run serve:pages -- [--dir dist/pages] [--port 4400] [--host 127.0.0.1]
 *
 * The folder is mounted at the base path its index.html declares (`/jwt-demo/` -> the folder).
 * A path with no file behind it gets the folder's 404.html with status 404, exactly like Pages;
 * that 404.html is the app, so deep links work. The files come from http-server (npm).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

// @ts-expect-error http-server ships no type declarations
import httpServer from 'http-server';

import { readBaseHref, routeUnderBasePath } from './base-path.mjs';

// http-server 14 still touches `res._headers` (DEP0066); keep that noise out of the test output.
process.noDeprecation = true;

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist/pages' },
    port: { type: 'string', default: '4400' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const dir = path.resolve(values.dir);
for (const file of ['index.html', '404.html']) {
  if (!existsSync(path.join(dir, file))) {
    fail(
      `${path.join(values.dir, file)} is missing: run npm run build:pages -- --base /repo-name/`,
    );
  }
}
const base = readBaseHref(readFileSync(path.join(dir, 'index.html'), 'utf8'));
if (!base?.startsWith('/') || !base.endsWith('/')) {
  fail(`index.html needs an absolute <base href> such as "/repo-name/", not ${base}.`);
}

const server = httpServer.createServer({
  root: dir,
  // Every file is checked with the server on each use, so tests and previews always get the latest
  // build; unlike no-store, this lets the browser keep pages in its back/forward cache, as it does
  // on GitHub Pages.
  cache: 'no-cache',
  showDir: 'false',
  before: [
    /**
     * Mounts the folder at the base path (http-server itself only serves from `/`).
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse & { emit(event: 'next'): boolean }} res
     */
    (req, res) => {
      const route = routeUnderBasePath(base, req.url ?? '/');
      if (route.kind === 'redirect') {
        res.writeHead(301, { Location: route.location });
        res.end();
      } else if (route.kind === 'outside') {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Not found: this server has the demo at ${base}\n`);
      } else {
        req.url = route.url;
        res.emit('next');
      }
    },
  ],
});

server.listen(Number(values.port), values.host, () => {
  console.log(`Serving ${values.dir} at http://${values.host}:${values.port}${base}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`serve-pages: ${message}`);
  process.exit(1);
}
