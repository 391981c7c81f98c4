#!/usr/bin/env node
// The `layerlab` command. It runs the TypeScript in src/cli directly through tsx's CommonJS hook
// (our sources are CommonJS-style TypeScript), so there is no build step to forget.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
const { main } = require('../src/cli/main.ts');

process.exitCode = await main(process.argv.slice(2));
