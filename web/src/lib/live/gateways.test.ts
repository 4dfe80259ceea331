import { describe, expect, it } from 'vitest';
import { connectUrl, gatewayUrl } from './gateways';

const page = (protocol: string, host: string) => ({ protocol, host, hostname: host.replace(/:\d+$/, '') });

describe('gatewayUrl', () => {
  it('puts a path on the page’s own origin, wss under https (a load balancer)', () => {
    expect(gatewayUrl('/ws', page('https:', 'shop.example'))).toBe('wss://shop.example/ws');
    expect(gatewayUrl('/ws', page('http:', '127.0.0.1:8080'))).toBe('ws://127.0.0.1:8080/ws');
  });

  it('puts a port on the page’s host (the local stack’s gateways)', () => {
    expect(gatewayUrl(':8081/ws', page('http:', 'localhost:8080'))).toBe('ws://localhost:8081/ws');
    expect(gatewayUrl(':8443/ws', page('https:', 'shop.example'))).toBe('wss://shop.example:8443/ws');
  });

  it('keeps absolute URLs, turning http into ws', () => {
    expect(gatewayUrl('wss://live.example/ws', page('http:', 'x'))).toBe('wss://live.example/ws');
    expect(gatewayUrl('https://live.example/ws', page('http:', 'x'))).toBe('wss://live.example/ws');
  });
});

describe('connectUrl', () => {
  it('carries topics, the resume position and the token', () => {
    const url = new URL(connectUrl('ws://h:1/ws', ['books', 'orders:u1'], { epoch: 'e1', id: '5-1' }, 'jwt'));
    expect(url.searchParams.get('topics')).toBe('books,orders:u1');
    expect(url.searchParams.get('lastEventId')).toBe('e1:5-1');
    expect(url.searchParams.get('access_token')).toBe('jwt');
  });

  it('carries the filtered subscriptions as one URL-encoded JSON array beside the position', () => {
    const url = connectUrl('ws://h:1/ws', ['orders:u1'], { epoch: 'e1', id: '5-1' }, null,
      [{ sub: 'cart', filter: { ids: ['b1', 'b2'] } }, { sub: 'catalog', filter: { genre: ['Science & Fiction'], price: { max: 1000 } } }]);
    expect(url).toContain('filter=%5B%7B%22sub%22');
    const params = new URL(url).searchParams;
    expect(JSON.parse(params.get('filter')!)).toEqual([
      { sub: 'cart', filter: { ids: ['b1', 'b2'] } }, { sub: 'catalog', filter: { genre: ['Science & Fiction'], price: { max: 1000 } } },
    ]);
    expect(params.get('lastEventId')).toBe('e1:5-1');
    expect(params.get('topics')).toBe('orders:u1');
  });

  it('leaves out topics when there are none (the screens hold filters only)', () => {
    const url = new URL(connectUrl('ws://h:1/ws', [], null, null, [{ sub: 'book', filter: { ids: ['b1'] } }]));
    expect([...url.searchParams.keys()]).toEqual(['filter']);
  });

  it('starts from now without a position, anonymously without a token', () => {
    const url = new URL(connectUrl('ws://h:1/ws', ['books'], null, null));
    expect([...url.searchParams.keys()]).toEqual(['topics']);
  });
});
