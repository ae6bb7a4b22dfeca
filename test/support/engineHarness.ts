// Builds an engine on a fake clock and a memory store, and records what it emits.
import { FocusEngine } from '../../main/core/engine.ts';
import { settingsSchema, type SettingsInput } from '../../main/core/settings.ts';
import type { EngineEvent } from '../../main/core/types.ts';
import { FakeClock } from './fakeClock.ts';
import { MemoryStore } from './memoryStore.ts';

export function harness(start: string, settings: SettingsInput = {}, store = new MemoryStore()) {
  const clock = new FakeClock(start);
  let n = 0;
  const engine = new FocusEngine({
    clock,
    store,
    settings: settingsSchema.parse({ timeZone: 'Europe/Stockholm', schedule: [], ...settings }),
    newId: () => `id${++n}`,
  });
  const events: EngineEvent[] = [];
  engine.on((e) => events.push(e));
  engine.start();
  const batches = () => events.flatMap((e) => (e.type === 'batch' ? [e] : []));
  const post = (title: string, extra: Record<string, unknown> = {}) => engine.ingest({ source: 'test', title, ...extra });
  return { engine, clock, store, events, batches, post };
}
