import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';

import { ConfigError, readConfig } from './config';

describe('readConfig', () => {
  it('defaults to port 8080 on loopback, serving the node-server build', () => {
    const config = readConfig({});
    assert.equal(config.port, 8080);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.appDir, path.resolve(__dirname, '..', 'dist/node-server/browser'));
    assert.equal(config.logLevel, 'info');
  });

  it('takes PORT, HOST, APP_DIR and LOG_LEVEL from the environment', () => {
    const config = readConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      APP_DIR: '/srv/app',
      LOG_LEVEL: 'warn',
    });
    assert.deepEqual(config, { port: 9000, host: '0.0.0.0', appDir: '/srv/app', logLevel: 'warn' });
  });

  it('refuses a bad PORT or LOG_LEVEL with one line naming the variable', () => {
    for (const PORT of ['abc', '0', '65536', '80.5', '-1', '1e3']) {
      assert.throws(
        () => readConfig({ PORT }),
        (failure: unknown) => {
          assert.ok(failure instanceof ConfigError);
          assert.match(
            failure.message,
            /^PORT must be a whole number from 1 to 65535, not ".*"\.$/,
          );
          return true;
        },
      );
    }
    assert.throws(
      () => readConfig({ LOG_LEVEL: 'loud' }),
      /^ConfigError: LOG_LEVEL must be one of/,
    );
  });
});
