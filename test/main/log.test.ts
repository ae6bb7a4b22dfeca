import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { configureLogging, logger } from '../../main/log.ts';

function sink(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c.toString()), done()) });
  return { stream, lines: () => chunks.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logging', () => {
  it('a logger taken before configureLogging writes where logging was configured to', () => {
    const early = logger('early');
    const out = sink();
    configureLogging(out.stream);
    early.info({ port: 1 }, 'ready');
    expect(out.lines()).toEqual([expect.objectContaining({ module: 'early', port: 1, msg: 'ready' })]);
  });

  it('never writes notification text, wherever it is nested', () => {
    const out = sink();
    configureLogging(out.stream);
    logger('privacy').warn({ title: 'Anna: are you free?', item: { body: 'secret', sender: 'Anna', url: 'https://x' }, deep: { item: { title: 't' } } }, 'held');
    const text = JSON.stringify(out.lines());
    for (const secret of ['Anna', 'secret', 'https://x', '"t"']) expect(text).not.toContain(secret);
    expect(text).toContain('[private]');
  });
});
