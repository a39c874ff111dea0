/**
 * The built app as static files, with the fallback a single-page app needs: any other `GET` path
 * outside `/api` (a deep link such as `/dashboard`, or its reload) answers `index.html` with
 * status 200, and the Angular router takes it from there. Hashed bundles may be cached for a
 * year; `index.html` is revalidated on every load, so a new deployment is picked up at once.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const INDEX = 'index.html';
const HASHED = /-[A-Z0-9]{8,}\.(js|css)$/;

export async function staticApp(app: FastifyInstance, appDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: appDir,
    index: INDEX,
    cacheControl: false,
    setHeaders: (reply, filePath) =>
      reply.header(
        'Cache-Control',
        HASHED.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' || request.method === 'HEAD';
    if (!isPage) {
      return reply.code(404).send({ error: 'not_found', message: `${request.url} is not here.` });
    }
    return reply.header('Cache-Control', 'no-cache').sendFile(INDEX);
  });
}
