// GET /v1/events: the contract's events as server-sent events (`event: <channel>`, JSON data),
// for the dashboard in a browser. A comment every 25 s keeps proxies and idle sockets honest;
// with no client connected there is no timer at all.
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { Lull } from '../service/lull.ts';
import { eventsPath } from '../../preload/contract.ts';

const HEARTBEAT_MS = 25_000;

export function registerEvents(app: FastifyInstance, lull: Lull): void {
  const open = new Set<ServerResponse>();
  app.get(eventsPath, (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
    res.write('retry: 3000\n\n');
    open.add(res);
    const off = lull.onContractEvent((channel, payload) => res.write(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`));
    const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.raw.on('close', () => {
      clearInterval(beat);
      off();
      open.delete(res);
    });
  });
  // Streams never end by themselves: end them so a stopping server is not held open.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });
}
