// Shared Chromium launch for the code-server checks: Debian's /usr/bin/chromium driven by
// playwright-core (no browser download), with the flags that keep it off the network.
'use strict';
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

function logger() {
  const t0 = Date.now();
  return (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
}

module.exports = { launch, logger };
