// The outputs every Lull runs, in the app and in the host alike; openLull starts those whose
// platforms include this one. The digest is added by each composition root (digestOutput), since
// how it shows and what a click opens belong to the app or the host.
import { desktopHold } from './desktop/index.ts';
import type { OutputDefinition } from './output.ts';

export const everyOutput: readonly OutputDefinition[] = [desktopHold];
