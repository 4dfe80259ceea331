// The bare Node fan-out of ./bookhub bench: a `ws` server that forwards the bytes of each message on
// bookhub:events to every client and does nothing else (no topics, no parsing, no rooms): the floor
// the push-gateway's cost per delivery is compared with. Clients are welcomed with {"type":"welcome"}.
// GET /health answers 200 (the bench's readiness probe).
// usage: node server.js <port> <redis-url>
const http = require('http');
const { WebSocketServer } = require('ws');
const Redis = require('ioredis');

const port = Number(process.argv[2] || 3000);
const redisUrl = process.argv[3] || 'redis://127.0.0.1:6379';

const server = http.createServer((req, res) => {
  res.writeHead(req.url === '/health' ? 200 : 404);
  res.end();
});
const wss = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false });
wss.on('connection', (socket) => socket.send('{"type":"welcome"}'));

const subscriber = new Redis(redisUrl);
subscriber.subscribe('bookhub:events');
subscriber.on('messageBuffer', (channel, message) => {
  for (const client of wss.clients) {
    client.send(message, { binary: false });
  }
});

server.listen(port, '127.0.0.1', () => console.log(`bare ws fan-out on ${port}, fed from ${redisUrl}`));
process.on('SIGTERM', () => process.exit(0));
