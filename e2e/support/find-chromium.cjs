// One browser lookup and one set of launch flags for Karma, Playwright and the bench:
// $CHROME_BIN, else Debian's Chromium. Never downloads a browser; when none is found it stops with one line.
const fs = require('node:fs');

/**
 * Flags for every headless Chromium we start (Karma, Playwright, bench): works as root, and keeps
 * Chromium from calling home, which this machine's closed network refuses.
 */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function findChromium() {
  const fromEnv = process.env.CHROME_BIN;
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    fail(`CHROME_BIN points to ${fromEnv}, which does not exist.`);
  }
  const found = CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  fail('No Chrome or Chromium found.');
}

function fail(reason) {
  console.error(
    `${reason} Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_BIN to its path.`,
  );
  process.exit(1);
}

module.exports = { findChromium, CHROMIUM_FLAGS };
