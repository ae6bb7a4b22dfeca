#!/usr/bin/env node
// lull: the command-line client of Lull's local API (PRODUCT.md §5).
import { launch } from './launch.js';

await launch('cli', 'main/cli/main.ts');
