// Every error leaves as { error: { code, message, fields? } } with the right status, never with
// a stack trace and never with request text (a JSON parser's message can quote the body).
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LullError, type LullErrorCode } from '../core/types.ts';
import { errorBody } from '../service/errors.ts';
import { InvalidSettings } from '../service/operations.ts';
import { logger } from '../log.ts';
import { ApiFailure } from './failure.ts';

const log = logger('http');

const DOMAIN_STATUS: Record<LullErrorCode, number> = { conflict: 409, 'not-found': 404, invalid: 400, 'no-batch-time': 409 };

/** Fastify's own 4xx errors, with messages that never quote the request. */
const FRAMEWORK: Record<string, [string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['too-large', 'the body is larger than 64 KiB'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported-media-type', 'bodies must be application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['invalid-body', 'the body length does not match Content-Length'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid-json', 'the body is empty; send a JSON object'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid-json', 'the body is not valid JSON'],
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, _req, reply) => {
    const { status, body } = toResponse(error);
    if (status >= 500) log.error({ err: { name: error.name, code: (error as FastifyError).code } }, 'request failed');
    void reply.status(status).type('application/json').send({ error: body });
  });
  app.setNotFoundHandler((_req, reply) => {
    void reply.status(404).send({ error: { code: 'not-found', message: 'no such route' } });
  });
}

function toResponse(error: unknown): { status: number; body: { code: string; message: string; fields?: { field: string; message: string }[] } } {
  if (error instanceof ApiFailure) return { status: error.statusCode, body: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) } };
  if (error instanceof z.ZodError || error instanceof InvalidSettings) return { status: 400, body: errorBody(error) };
  if (error instanceof LullError) return { status: DOMAIN_STATUS[error.code], body: errorBody(error) };
  const fe = error as Partial<FastifyError>;
  const known = fe.code ? FRAMEWORK[fe.code] : undefined;
  if (known) return { status: fe.statusCode ?? 400, body: { code: known[0], message: known[1] } };
  if (error instanceof SyntaxError || (fe.statusCode === 400 && fe.code === undefined)) return { status: 400, body: { code: 'invalid-json', message: 'the body is not valid JSON' } };
  if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500) return { status: fe.statusCode, body: { code: 'bad-request', message: 'the request was refused' } };
  return { status: 500, body: errorBody(error) };
}
