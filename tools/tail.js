// Prints every frame a push-gateway sends, one JSON per line: node tools/tail.js ws://127.0.0.1:8081/ws?topics=books
const WebSocket = require('ws');

const url = process.argv[2];
if (!url) {
  console.error('usage: node tools/tail.js <ws url>');
  process.exit(2);
}
const socket = new WebSocket(url, { headers: process.env.BOOKHUB_TOKEN ? { Authorization: `Bearer ${process.env.BOOKHUB_TOKEN}` } : {} });
socket.on('message', (data) => console.log(data.toString()));
socket.on('close', (code, reason) => {
  console.error(`closed: ${code} ${reason}`);
  process.exit(code === 1000 ? 0 : 1);
});
socket.on('error', (error) => {
  console.error(`cannot connect to ${url}: ${error.message}`);
  process.exit(1);
});
process.on('SIGINT', () => socket.close(1000, 'bye'));
