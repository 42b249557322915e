#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('Heapdeck is not built yet: run "npm run build" in the Heapdeck folder first.\n');
  process.exit(1);
}
require(cli);
