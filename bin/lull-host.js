#!/usr/bin/env node
// lull-host: Lull without Electron (PRODUCT.md §7).
import { launch } from './launch.js';

await launch('host', 'main/host/main.ts');
