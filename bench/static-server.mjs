// @ts-check
/**
 * Serves a production build on 127.0.0.1 the way a good static host does: gzip for text files,
 * index.html (status 200) for app routes such as `/dashboard`, nothing cached between page loads.
 * The files come from http-server (npm); gzip copies are written next to the files first, since
 * http-server sends `<file>.gz` to clients that accept gzip but does not compress on the fly.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// @ts-expect-error http-server ships no type declarations
import httpServer from 'http-server';

import { GZIP_LEVEL } from './bundle-cost.mjs';

// http-server 14 still touches `res._headers` (DEP0066); keep that noise out of the bench output.
process.noDeprecation = true;

const COMPRESSIBLE = /\.(?:js|css|html|json|svg|txt|ico)$/;

/**
 * @param {string} dir the `browser/` folder of a build
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} `url` ends with `/`
 */
export async function serveBuild(dir) {
  writeGzipCopies(dir);
  const server = httpServer.createServer({
    root: dir,
    gzip: true,
    cache: -1, // every page load fetches the files again, as on a first visit
    showDir: 'false',
    before: [
      /**
       * An app route (a path without a file extension) gets index.html, like a SPA fallback.
       * @param {import('node:http').IncomingMessage} req
       * @param {import('node:http').ServerResponse & { emit(event: 'next'): boolean }} res
       */
      (req, res) => {
        const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (!path.posix.extname(pathname)) req.url = '/index.html';
        res.emit('next');
      },
    ],
  });
  /** @type {import('node:http').Server} */
  const http = server.server;
  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (http.address());
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** @param {string} dir */
function writeGzipCopies(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: GZIP_LEVEL }));
  }
}
