import { describe, expect, it } from 'vitest';
import { eventPosition, positionOf, resumeParams } from './position';

describe('positions', () => {
  it('reads the epoch form and a bare id, and writes each back as it came', () => {
    expect(positionOf('9f3a0c1b2d4e5f60:12-3')).toEqual({ epoch: '9f3a0c1b2d4e5f60', id: '12-3' });
    expect(positionOf('12-3')).toEqual({ epoch: null, id: '12-3' });
    expect(resumeParams(positionOf('9f3a0c1b2d4e5f60:12-3'))).toEqual({ lastEventId: '9f3a0c1b2d4e5f60:12-3' });
    expect(resumeParams(positionOf('12-3'))).toEqual({ lastEventId: '12-3' });
    expect(resumeParams(null)).toEqual({});
  });

  it("takes an envelope's epoch and id together", () => {
    expect(eventPosition('e1', '40-0')).toEqual({ epoch: 'e1', id: '40-0' });
    expect(eventPosition(undefined, '40-0')).toEqual({ epoch: null, id: '40-0' });
  });

  it.each([
    ['no id', 'e1:'],
    ['an id that is no stream id', 'e1:$gt'],
    ['an empty epoch', ':1-0'],
    ['an epoch with odd characters', '../x:1-0'],
    ['two colons', 'a:b:1-0'],
    ['an overlong epoch', `${'a'.repeat(33)}:1-0`],
  ])('refuses %s', (_, text) => {
    expect(positionOf(text)).toBeNull();
  });

  it('refuses an envelope whose epoch is not text', () => {
    expect(eventPosition(7, '1-0')).toBeNull();
  });
});
