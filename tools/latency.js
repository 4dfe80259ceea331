// End-to-end latency of the live pipeline on a running stack: creates books through the REST api
// and times each until its book:created arrives on a push-gateway's WebSocket.
// usage: node tools/latency.js [count=50] [api=http://127.0.0.1:8080] [gateway=ws://127.0.0.1:8081/ws]
const WebSocket = require('ws');

const count = Number(process.argv[2] ?? 50);
const api = process.argv[3] ?? 'http://127.0.0.1:8080';
const gateway = process.argv[4] ?? 'ws://127.0.0.1:8081/ws';

async function adminToken() {
  const login = { username: 'latency-admin', password: 'latency-password' };
  const signup = { ...login, email: 'latency-admin@example.com' };
  for (const [path, body] of [['/api/auth/login', login], ['/api/auth/signup', signup]]) {
    const response = await fetch(api + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (response.ok) {
      const session = await response.json();
      if (session.user.role !== 'admin') throw new Error('latency-admin is not an admin: run this on a fresh stack, or sign up as its first user');
      return session.token;
    }
  }
  throw new Error('cannot sign in: is the stack running?');
}

async function main() {
  const token = await adminToken();
  const socket = new WebSocket(`${gateway}?topics=books`);
  const arrived = new Map();
  socket.on('message', (data) => {
    const frame = JSON.parse(data);
    if (frame.type === 'book:created') arrived.set(frame.data.title, process.hrtime.bigint());
  });
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  const run = `latency ${Date.now()}`;
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const title = `${run} #${i}`;
    const sent = process.hrtime.bigint();
    const response = await fetch(`${api}/api/books`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ title, author: 'Latency Probe', price: 100, stock: 1 }),
    });
    if (response.status !== 201) throw new Error(`POST /api/books: HTTP ${response.status}`);
    const deadline = Date.now() + 10_000;
    while (!arrived.has(title)) {
      if (Date.now() > deadline) throw new Error(`${title} did not arrive within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    latencies.push(Number(arrived.get(title) - sent) / 1e6);
  }
  socket.close();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  console.log(`${count} books, REST POST to WebSocket receipt: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`);
}

main().catch((error) => {
  console.error(`latency: ${error.message}`);
  process.exit(1);
});
