// One browser lookup for Karma and Playwright: $CHROME_BIN, else Debian's Chromium.
// Never downloads a browser; when none is found it stops with one line saying what to install.
const fs = require('node:fs');

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

module.exports = { findChromium };
