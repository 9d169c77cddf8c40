#!/usr/bin/env node
// Shim: the CLI is compiled TypeScript in dist/ (npx tsc -b src/lib/engine).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
