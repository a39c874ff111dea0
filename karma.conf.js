// Karma runs the unit specs once, headless, in Chromium (see README "Tests").
// Browser lookup: $CHROME_BIN, else Debian's /usr/bin/chromium, else stop with a hint.
const path = require('node:path');
const { findChromium, CHROMIUM_FLAGS } = require('./e2e/support/find-chromium.cjs');

module.exports = function (config) {
  process.env.CHROME_BIN = findChromium();

  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      require('karma-jasmine-html-reporter'),
      require('karma-coverage'),
    ],
    client: {
      jasmine: {
        // Specs run in random order, so hidden order dependencies fail early.
        random: true,
      },
      clearContext: false,
    },
    jasmineHtmlReporter: {
      suppressAll: true,
    },
    coverageReporter: {
      dir: path.join(__dirname, 'coverage'),
      subdir: '.',
      reporters: [{ type: 'html' }, { type: 'text-summary' }],
    },
    reporters: ['progress', 'kjhtml'],
    customLaunchers: {
      ChromiumHeadlessCI: {
        base: 'ChromeHeadless',
        flags: CHROMIUM_FLAGS,
      },
    },
    browsers: ['ChromiumHeadlessCI'],
    browserNoActivityTimeout: 120000,
    singleRun: true,
    restartOnFileChange: false,
  });
};
