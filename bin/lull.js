#!/usr/bin/env node
// lull: the command-line client of Lull's local API (PRODUCT.md §5).
import { onNode24 } from './node24.js';

await onNode24(import.meta.url);
const { main } = await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
