// Every door Lull can open, in the app and in the host alike; openLull starts those whose
// platforms include this one. Registering a source is one line here.
import { compat } from './compat/index.ts';
import { desktopBus } from './desktopBus/index.ts';
import { inbox } from './inbox/index.ts';
import { mail } from './mail/index.ts';
import type { SourceDefinition } from './source.ts';
import { webhooks } from './webhooks/index.ts';

export const everySource: readonly SourceDefinition[] = [inbox, compat, webhooks, desktopBus, mail];
