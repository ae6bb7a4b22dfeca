// Engine events as the contract's events: what windows (IPC) and the dashboard (SSE) hear.
// An event carries what changed (the item, the batch, the block), so a window updates in place
// instead of listing the queue again; the held count still comes with every state change.
import { presentBatch, presentBlock, presentItem } from '../core/present.ts';
import type { EngineEvent } from '../core/types.ts';
import type { SourceHealth } from '../sources/source.ts';
import type { EventChannel, EventPayload } from '../../preload/contract.ts';
import { statusDto } from './operations.ts';

export type ContractEvents = { [C in EventChannel]?: EventPayload<C> };

/** `health` is asked only for a state change: every arrival is an event, and most carry only their item. */
export function contractEvents(event: EngineEvent, timeZone: string, health: () => Record<string, SourceHealth> = () => ({})): ContractEvents {
  switch (event.type) {
    case 'state':
      return { 'state:changed': statusDto(event.status, timeZone, health()), 'queue:changed': { held: event.status.held } };
    case 'item-added':
      return { 'queue:item-added': presentItem(event.item, timeZone) };
    case 'item-changed':
      return { 'queue:item-changed': presentItem(event.item, timeZone) };
    case 'batch':
      return { 'batch:released': presentBatch(event.batch, timeZone) };
    case 'block-ended':
      return { 'block:ended': presentBlock(event.block, timeZone) };
    default:
      return {};
  }
}
