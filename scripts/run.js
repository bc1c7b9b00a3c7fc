#!/usr/bin/env node
// Entry point of every npm script: compiles TypeScript on the fly with SWC (honouring the
// tsconfig path aliases and decorator metadata), then hands over to scripts/commands.
const path = require('path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
// TypeORM and pg print deprecation notices on every start that say nothing to an operator.
process.noDeprecation = true;
require('@swc-node/register');
require('./commands/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    console.error(err && err.message ? err.message : err);
    process.exitCode = 1;
  });
