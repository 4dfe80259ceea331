// Where a client is in the event stream, as the gateway wants it back on a reconnect: the stream's
// epoch (which life of the stream: Redis may lose the stream and begin it again with new ids) and the
// id of the last event applied, sent as `lastEventId=<epoch>:<id>`. A gateway answers a position from
// another epoch with `sync:reset`, never with a partial replay. Kept opaque to the rest of the app.

export interface Position {
  /** Null only from a gateway or stream that knows no epochs yet (a bare id). */
  epoch: string | null;
  id: string;
}

const STREAM_ID = /^\d+-\d+$/;
const EPOCH = /^[0-9A-Za-z]{1,32}$/;

/** A position as the gateway names one in `welcome` and `sync:reset`: `<epoch>:<id>`, or a bare id. */
export function positionOf(lastEventId: unknown): Position | null {
  if (typeof lastEventId !== 'string') return null;
  const colon = lastEventId.indexOf(':');
  return colon < 0
    ? eventPosition(undefined, lastEventId)
    : eventPosition(lastEventId.slice(0, colon), lastEventId.slice(colon + 1));
}

/** An envelope's position, from its `epoch` and `id` fields. */
export function eventPosition(epoch: unknown, id: unknown): Position | null {
  if (typeof id !== 'string' || !STREAM_ID.test(id)) return null;
  if (epoch === undefined || epoch === null) return { epoch: null, id };
  return typeof epoch === 'string' && EPOCH.test(epoch) ? { epoch, id } : null;
}

/** The query parameters that resume from a position on any gateway. */
export function resumeParams(position: Position | null): Record<string, string> {
  if (!position) return {};
  return { lastEventId: position.epoch ? `${position.epoch}:${position.id}` : position.id };
}
