// Where a client is in the event stream, as the gateway wants it back on a reconnect. Kept opaque
// to the rest of the app: when the stream gains an epoch, it is read from `welcome` and sent back
// here, and nothing else changes.

export interface Position {
  lastEventId: string;
}

const STREAM_ID = /^\d+-\d+$/;

export function positionOf(lastEventId: unknown): Position | null {
  return typeof lastEventId === 'string' && STREAM_ID.test(lastEventId) ? { lastEventId } : null;
}

/** The query parameters that resume from a position on any gateway. */
export function resumeParams(position: Position | null): Record<string, string> {
  return position ? { lastEventId: position.lastEventId } : {};
}
