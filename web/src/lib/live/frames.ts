import { type Position, eventPosition, positionOf } from './position';
import type { BookFilter } from './subscriptions';

// The gateway's frames, read in this one place: the rest of the app sees typed frames and never
// JSON text. Anything that does not fit is `malformed`, with the reason, and is never thrown.

/** A change, as the change-watcher broadcasts it: `data` is the document as the api returns it. */
export interface LiveEvent {
  id: string;
  /** Which life of the stream the id belongs to. */
  epoch?: string;
  type: string;
  topic: string;
  ts?: string;
  data: { id?: string; [field: string]: unknown };
  changed?: string[];
}

export type Frame =
  | { kind: 'welcome'; gateway: string; topics: string[]; position: Position | null }
  | { kind: 'event'; event: LiveEvent; position: Position }
  | { kind: 'reset'; reason: string; position: Position | null }
  | { kind: 'error'; code: string; message: string; topic?: string; sub?: string; field?: string }
  | { kind: 'pong' }
  /** The answer to `subscribe` / `unsubscribe`: the plain topics and every filtered subscription held now. */
  | { kind: 'subscribed'; topics: string[]; subs: Map<string, BookFilter> }
  | { kind: 'malformed'; reason: string };

type Json = Record<string, unknown>;

export function parseFrame(text: unknown): Frame {
  if (typeof text !== 'string') return malformed('not a text frame');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return malformed('not JSON');
  }
  if (!isObject(value) || typeof value.type !== 'string') return malformed('no type');
  const frame = value;
  switch (frame.type) {
    case 'welcome':
      return {
        kind: 'welcome',
        gateway: typeof frame.gateway === 'string' ? frame.gateway : 'gateway',
        topics: strings(frame.topics),
        position: positionOf(frame.lastEventId),
      };
    case 'sync:reset':
      // The gateway's own reset names a position (lastEventId); the watcher's is a stream entry with an id and epoch.
      return {
        kind: 'reset',
        reason: typeof frame.reason === 'string' ? frame.reason : 'reset',
        position: frame.id !== undefined ? eventPosition(frame.epoch, frame.id) : positionOf(frame.lastEventId),
      };
    case 'error':
      return {
        kind: 'error',
        code: typeof frame.code === 'string' ? frame.code : 'unknown',
        message: typeof frame.message === 'string' ? frame.message : '',
        ...(typeof frame.topic === 'string' ? { topic: frame.topic } : {}),
        ...(typeof frame.sub === 'string' ? { sub: frame.sub } : {}),
        ...(typeof frame.field === 'string' ? { field: frame.field } : {}),
      };
    case 'pong':
      return { kind: 'pong' };
    case 'subscribed':
      return { kind: 'subscribed', topics: strings(frame.topics), subs: subsOf(frame.subs) };
    default:
      return envelope(frame);
  }
}

function envelope(frame: Json): Frame {
  const position = eventPosition(frame.epoch, frame.id);
  if (!position) return malformed(`${String(frame.type)} without a stream id and epoch`);
  if (typeof frame.topic !== 'string') return malformed(`${String(frame.type)} without a topic`);
  if (!isObject(frame.data)) return malformed(`${String(frame.type)} without data`);
  const event: LiveEvent = { id: position.id, type: String(frame.type), topic: frame.topic, data: frame.data };
  if (position.epoch) event.epoch = position.epoch;
  if (typeof frame.ts === 'string') event.ts = frame.ts;
  if (Array.isArray(frame.changed)) event.changed = strings(frame.changed);
  return { kind: 'event', event, position };
}

/** `subs: [{sub, filter}, …]`; entries that are not one are left out. */
function subsOf(value: unknown): Map<string, BookFilter> {
  const subs = new Map<string, BookFilter>();
  if (!Array.isArray(value)) return subs;
  for (const entry of value) {
    if (isObject(entry) && typeof entry.sub === 'string' && isObject(entry.filter)) subs.set(entry.sub, entry.filter as BookFilter);
  }
  return subs;
}

/** A `book:low-stock` / `book:restocked` alert's data, as the watcher sends it on `admin`. */
export interface StockAlert {
  type: 'book:low-stock' | 'book:restocked';
  id: string;
  title: string;
  stock: number;
  threshold: number;
  /** The stream id: the alert's identity, so a replayed one is recognised. */
  eventId: string;
  ts?: string;
}

/** The stock alert an event carries, or null when it is none (or is malformed: then with a console warning). */
export function stockAlertOf(event: LiveEvent): StockAlert | null {
  if (event.type !== 'book:low-stock' && event.type !== 'book:restocked') return null;
  const { id, title, stock, threshold } = event.data;
  if (typeof id !== 'string' || typeof title !== 'string' || typeof stock !== 'number' || typeof threshold !== 'number') {
    console.warn(`ignored a ${event.type} event without id, title, stock and threshold: ${event.id}`);
    return null;
  }
  return { type: event.type, id, title, stock, threshold, eventId: event.id, ...(event.ts ? { ts: event.ts } : {}) };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function malformed(reason: string): Frame {
  return { kind: 'malformed', reason };
}
