#!/usr/bin/env node
// lull-host: runs on Node 24 (the Node inside Electron 45), re-running itself on the pinned one if needed.
import { onNode24 } from './node24.js';

await onNode24(import.meta.url);
const { main } = await import('../main/host/main.ts');
process.exitCode = await main(process.argv.slice(2));
