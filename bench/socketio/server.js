// The comparison server of ./bookhub bench: Socket.IO 4 fed from the same Redis channel as the
// push-gateways, written the way the usual tutorial does it. Each client joins the room of each
// topic it asks for; every message on bookhub:events is parsed once and emitted to its topic's room
// (Socket.IO encodes a broadcast once for all its recipients).
// usage: node server.js <port> <redis-url>
const { Server } = require('socket.io');
const Redis = require('ioredis');

const port = Number(process.argv[2] || 3000);
const redisUrl = process.argv[3] || 'redis://127.0.0.1:6379';

const io = new Server(port, { serveClient: false });

io.on('connection', (socket) => {
  const topics = String(socket.handshake.query.topics || 'books').split(',');
  topics.forEach((topic) => socket.join(topic));
});

const subscriber = new Redis(redisUrl);
subscriber.subscribe('bookhub:events');
subscriber.on('message', (channel, message) => {
  const event = JSON.parse(message);
  io.to(event.topic).emit(event.type, event);
});

console.log(`socket.io listening on ${port}, fed from ${redisUrl}`);
process.on('SIGTERM', () => process.exit(0));
