// Errors as every boundary shows them: { code, message, fields? }. Only domain errors and
// validation errors say what went wrong; anything else is "internal" and never shows a stack
// or the text of a notification.
import { z } from 'zod';
import { describeIssues } from '../core/settings.ts';
import { LullError } from '../core/types.ts';
import type { ApiErrorBody } from '../../preload/contract.ts';
import { InvalidSettings } from './operations.ts';

export function errorBody(error: unknown): ApiErrorBody {
  if (error instanceof InvalidSettings) return { code: 'invalid', message: error.message, fields: error.fields };
  if (error instanceof LullError) return { code: error.code, message: error.message };
  if (error instanceof z.ZodError) {
    const fields = describeIssues(error);
    return { code: 'invalid', message: `invalid request: ${fields.map((f) => f.field).join(', ')}`, fields };
  }
  return { code: 'internal', message: 'Lull could not do that; the details are in its log' };
}
