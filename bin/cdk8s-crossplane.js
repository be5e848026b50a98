#!/usr/bin/env node
// Entry point of the installed CLI; the code is compiled to lib/ by `npm run build`.
require('../lib/src/cli/main.js').runFromProcess();
