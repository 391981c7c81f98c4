#!/usr/bin/env node
// The `layerlab` command. It runs the TypeScript in src/cli directly through tsx's CommonJS hook
// (our sources are CommonJS-style TypeScript), so there is no build step to forget.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// `layerlab tree … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => { if (error.code === 'EPIPE') process.exit(0); throw error; });
require('tsx/cjs/api').register();
const { main } = require('../src/cli/main.ts');

process.exitCode = await main(process.argv.slice(2));
