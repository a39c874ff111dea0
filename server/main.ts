/**
 * `npm run server`: the Node server on PORT (default 8080). Bad configuration, or a port that is
 * taken, stops the start with one clear line and exit code 1, never a stack trace. SIGTERM and
 * SIGINT close it gracefully: requests in flight finish, then the process exits.
 *
 * Storage is in memory for now (`memory-context.ts`).
 */
import { buildServer } from './app';
import { ConfigError, readConfig } from './config';
import { memoryServerContext } from './memory-context';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const app = await buildServer(config, memoryServerContext());
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (failure) {
    throw listenError(failure, config.port, config.host);
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'closing');
      void app.close().then(() => process.exit(0));
    });
  }
}

function listenError(failure: unknown, port: number, host: string): Error {
  const code = (failure as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') {
    return new ConfigError(`Port ${port} is in use on ${host}: stop what uses it, or set PORT.`);
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new ConfigError(`HOST "${host}" is not an address of this machine.`);
  }
  return failure instanceof Error ? failure : new Error(String(failure));
}

main().catch((failure: unknown) => {
  const message = failure instanceof Error ? failure.message : String(failure);
  process.stderr.write(`server: ${message}\n`);
  process.exit(1);
});
