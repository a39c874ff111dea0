/**
 * The Node server's configuration, from the environment only (twelve-factor style). A bad value
 * stops the start with one line that names the variable and what it must be: `ConfigError`.
 */
import path from 'node:path';

export interface ServerConfig {
  /** `PORT`, default 8080. */
  port: number;
  /** `HOST`, default 127.0.0.1 (loopback); `0.0.0.0` to listen on every interface. */
  host: string;
  /** `APP_DIR`: the built app to serve as static files; default dist/node-server/browser. */
  appDir: string;
  /** `LOG_LEVEL` for pino, default `info`; `silent` in tests. */
  logLevel: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const ROOT = path.resolve(__dirname, '..');

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  return {
    port: port(env['PORT']),
    host: env['HOST']?.trim() || '127.0.0.1',
    appDir: path.resolve(ROOT, env['APP_DIR'] || 'dist/node-server/browser'),
    logLevel: logLevel(env['LOG_LEVEL']),
  };
}

function port(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 8080;
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, not "${value}".`);
  }
  return port;
}

function logLevel(value: string | undefined): string {
  if (value === undefined || value === '') return 'info';
  if (!LOG_LEVELS.includes(value)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}".`);
  }
  return value;
}
