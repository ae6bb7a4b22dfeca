// The dashboard's operations over HTTP, generated from the contract's route table so HTTP and
// IPC cannot drift: GET requests carry the request as query parameters, others as a JSON
// body, `:id` comes from the path. Each request is validated by the contract's zod schema.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { httpRoutes, invokeContract, methods, type InvokeChannel } from '../../preload/contract.ts';
import type { Operations } from '../service/operations.ts';

/** Query strings are text: turn digits into numbers where the schema wants a number. */
export function coerceQuery(schema: z.ZodType, query: Record<string, unknown>): Record<string, unknown> {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    let field: z.ZodType | undefined = shape[key];
    while (field instanceof z.ZodOptional || field instanceof z.ZodDefault) field = field.unwrap() as z.ZodType;
    out[key] = field instanceof z.ZodNumber && typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}

function requestOf(channel: InvokeChannel, req: FastifyRequest): unknown {
  const schema = invokeContract[channel].request;
  if (schema instanceof z.ZodUndefined) return undefined;
  const params = (req.params ?? {}) as Record<string, unknown>;
  if (req.method === 'GET') return { ...coerceQuery(schema, (req.query ?? {}) as Record<string, unknown>), ...params };
  if (Object.keys(params).length > 0) return typeof req.body === 'object' && req.body !== null ? { ...req.body, ...params } : params;
  return req.body;
}

export function registerContractRoutes(app: FastifyInstance, operations: Operations): void {
  for (const [name, route] of Object.entries(httpRoutes)) {
    if (!route) continue;
    const channel = methods[name as keyof typeof methods];
    app.route({
      method: route.method,
      url: route.path,
      handler: async (req, reply) => {
        const request = invokeContract[channel].request.parse(requestOf(channel, req));
        const run = operations[channel] as (r: unknown) => unknown;
        const result = await run(request);
        return reply.status(('status' in route ? route.status : 200)).send(result);
      },
    });
  }
}
