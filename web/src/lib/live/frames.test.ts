import { describe, expect, it, vi } from 'vitest';
import { type LiveEvent, parseFrame, stockAlertOf } from './frames';

const envelope = {
  id: '1763800000123-0', epoch: '9f3a0c1b2d4e5f60', type: 'book:updated', topic: 'books', ts: '2026-11-22T10:00:00.123Z',
  data: { id: 'b1', title: 'Dune', price: 999, stock: 4 }, changed: ['price'],
};

describe('parseFrame', () => {
  it('reads a welcome with the position to resume from, epoch and id', () => {
    expect(parseFrame(JSON.stringify({ type: 'welcome', gateway: 'push-gateway-1', topics: ['books'], epoch: 'e1', lastEventId: 'e1:12-0' })))
      .toEqual({ kind: 'welcome', gateway: 'push-gateway-1', topics: ['books'], position: { epoch: 'e1', id: '12-0' } });
  });

  it('reads an envelope as an event whose epoch and id are the new position', () => {
    expect(parseFrame(JSON.stringify(envelope))).toEqual({
      kind: 'event',
      event: { id: envelope.id, epoch: envelope.epoch, type: 'book:updated', topic: 'books', ts: envelope.ts, data: envelope.data, changed: ['price'] },
      position: { epoch: envelope.epoch, id: envelope.id },
    });
  });

  it('reads an envelope from a stream without epochs as a position with a bare id', () => {
    expect(parseFrame(JSON.stringify({ ...envelope, epoch: undefined }))).toMatchObject({ position: { epoch: null, id: envelope.id } });
  });

  it('reads the gateway’s reset, which moves the client into the stream’s current epoch, and the watcher’s, a stream entry', () => {
    expect(parseFrame('{"type":"sync:reset","reason":"epoch_changed","epoch":"e2","lastEventId":"e2:40-0"}'))
      .toEqual({ kind: 'reset', reason: 'epoch_changed', position: { epoch: 'e2', id: '40-0' } });
    expect(parseFrame('{"type":"sync:reset","id":"41-0","epoch":"e2","topic":"*","data":{}}'))
      .toEqual({ kind: 'reset', reason: 'reset', position: { epoch: 'e2', id: '41-0' } });
  });

  it('reads errors with and without a topic', () => {
    expect(parseFrame('{"type":"error","code":"forbidden","topic":"admin","message":"no"}'))
      .toEqual({ kind: 'error', code: 'forbidden', topic: 'admin', message: 'no' });
    expect(parseFrame('{"type":"error","code":"bad_frame"}')).toEqual({ kind: 'error', code: 'bad_frame', message: '' });
  });

  it('reads a refused filter with the subscription and the field it names', () => {
    expect(parseFrame('{"type":"error","code":"bad_filter","sub":"cart","field":"price.min","message":"min is over max"}'))
      .toEqual({ kind: 'error', code: 'bad_filter', sub: 'cart', field: 'price.min', message: 'min is over max' });
  });

  it('reads the answer to subscribe with every filtered subscription held, leaving out entries that are none', () => {
    const frame = parseFrame(JSON.stringify({
      type: 'subscribed', topics: ['orders:u1'],
      subs: [{ sub: 'book', filter: { ids: ['b1'] } }, { sub: 'cart' }, 'catalog', { sub: 'catalog', filter: {} }],
    }));
    expect(frame).toEqual({ kind: 'subscribed', topics: ['orders:u1'], subs: new Map([['book', { ids: ['b1'] }], ['catalog', {}]]) });
    expect(parseFrame('{"type":"subscribed","topics":["books"]}')).toEqual({ kind: 'subscribed', topics: ['books'], subs: new Map() });
  });

  it.each([
    ['binary data', new ArrayBuffer(4)],
    ['text that is not JSON', '{"type":'],
    ['JSON that is not an object', '[1,2]'],
    ['null', 'null'],
    ['an object without a type', '{"id":"1-0"}'],
    ['a type that is not a string', '{"type":7}'],
    ['an envelope without an id', JSON.stringify({ ...envelope, id: undefined })],
    ['an envelope whose id is not a stream id', JSON.stringify({ ...envelope, id: '../../etc' })],
    ['an envelope whose epoch is not one', JSON.stringify({ ...envelope, epoch: 'a:b' })],
    ['an envelope without a topic', JSON.stringify({ ...envelope, topic: undefined })],
    ['an envelope whose data is not an object', JSON.stringify({ ...envelope, data: 'Dune' })],
    ['an envelope whose data is a list', JSON.stringify({ ...envelope, data: [1] })],
  ])('calls %s malformed instead of throwing', (_, input) => {
    expect(parseFrame(input).kind).toBe('malformed');
  });

  it('keeps only the strings of a list where strings belong', () => {
    const frame = parseFrame(JSON.stringify({ ...envelope, changed: ['price', 3, null] }));
    expect(frame.kind === 'event' && frame.event.changed).toEqual(['price']);
  });

  it('reads a welcome whose position is not a stream id as having none', () => {
    expect(parseFrame('{"type":"welcome","lastEventId":"$gt"}')).toMatchObject({ kind: 'welcome', position: null });
  });
});

describe('stockAlertOf', () => {
  const alert = (type: string, data: LiveEvent['data']): LiveEvent => ({ id: '9-0', type, topic: 'admin', ts: '2026-11-30T17:00:00Z', data });

  it('reads a low-stock or restocked event', () => {
    expect(stockAlertOf(alert('book:low-stock', { id: 'b1', title: 'Dune', stock: 2, threshold: 3 })))
      .toEqual({ type: 'book:low-stock', id: 'b1', title: 'Dune', stock: 2, threshold: 3, eventId: '9-0', ts: '2026-11-30T17:00:00Z' });
    expect(stockAlertOf(alert('book:restocked', { id: 'b1', title: 'Dune', stock: 8, threshold: 3 }))).toMatchObject({ type: 'book:restocked' });
  });

  it('is null for other events and, with a warning, for alerts without their fields', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(stockAlertOf(alert('book:updated', { id: 'b1', title: 'Dune', stock: 2, threshold: 3 }))).toBeNull();
    expect(warn).not.toHaveBeenCalled();
    expect(stockAlertOf(alert('book:low-stock', { id: 'b1', title: 'Dune', stock: '2', threshold: 3 }))).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
