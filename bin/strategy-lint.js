#!/usr/bin/env node
// Thin launcher for the bundled CLI.
require('../dist/cli.js').run();
