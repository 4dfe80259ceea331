// The live catalog: subscribes first, then loads books from the api, then applies every event a
// push-gateway sends, those that arrived during the load included (applying one twice is harmless).
// Reconnects with backoff to the next gateway and resumes from the last event id, so a gateway
// restart or a network blip costs nothing; a sync:reset means history was lost: reload.

const params = new URLSearchParams(location.search);
const gateways = (params.get('gateways') ?? `ws://${location.hostname}:8081/ws,ws://${location.hostname}:8082/ws`)
  .split(',').map((url) => url.trim()).filter(Boolean);

const books = new Map();
let totalBooks = 0;
const rows = document.querySelector('#catalog tbody');
const statusLine = document.getElementById('status');
const activity = document.getElementById('activity');
const search = document.getElementById('search');
let lastEventId = null;
let attempt = 0;
let loaded = false;
const pending = [];

const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' });

async function reload() {
  loaded = false;
  try {
    await loadCatalog();
  } catch (error) {
    setStatus(error.message, 'reconnecting');
  }
  loaded = true;
  pending.splice(0).forEach(apply);
}

async function loadCatalog() {
  const response = await fetch('/api/books?size=100&sort=title');
  if (!response.ok) throw new Error(`catalog: HTTP ${response.status}`);
  const page = await response.json();
  books.clear();
  for (const book of page.items ?? []) books.set(book.id, book);
  totalBooks = page.totalItems ?? books.size;
  render();
}

function render(changedId) {
  const filter = search.value.trim().toLowerCase();
  const visible = [...books.values()]
    .filter((book) => !filter || `${book.title} ${book.author}`.toLowerCase().includes(filter))
    .sort((a, b) => String(a.title).localeCompare(String(b.title)));
  rows.replaceChildren(...visible.map((book) => row(book, book.id === changedId)));
  document.getElementById('count').textContent =
    totalBooks > books.size ? `(first ${books.size} of ${totalBooks})` : `(${books.size})`;
  document.getElementById('empty').hidden = books.size > 0;
}

function row(book, changed) {
  const tr = document.createElement('tr');
  if (changed) tr.className = 'flash';
  const stock = Number(book.stock);
  const stockCell = cell(Number.isFinite(stock) ? (stock === 0 ? 'out of stock' : String(stock)) : '—', 'num');
  if (stock === 0) stockCell.classList.add('out'); else if (stock <= 3) stockCell.classList.add('low');
  tr.append(cell(book.title ?? '(untitled)'), cell(book.author ?? ''),
    cell(Number.isFinite(Number(book.price)) ? money.format(book.price / 100) : '—', 'num'), stockCell);
  return tr;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function note(event, title) {
  const li = document.createElement('li');
  li.className = event.type.split(':')[1] ?? '';
  const time = document.createElement('time');
  time.textContent = new Date(event.ts ?? Date.now()).toLocaleTimeString();
  li.append(time, `${event.type} ${title ?? ''}`);
  activity.prepend(li);
  while (activity.children.length > 20) activity.lastChild.remove();
}

function apply(event) {
  const id = event.data?.id;
  if (event.type === 'book:created' || event.type === 'book:updated') {
    if (event.type === 'book:created') totalBooks += 1;
    books.set(id, { ...books.get(id), ...event.data });
    note(event, event.data.title ?? books.get(id)?.title);
    render(id);
  } else if (event.type === 'book:deleted') {
    note(event, books.get(id)?.title ?? event.data?.title);
    if (books.delete(id) || totalBooks > books.size) totalBooks -= 1;
    render();
  }
}

function setStatus(text, kind) {
  statusLine.textContent = text;
  statusLine.className = `status ${kind}`;
}

function connect() {
  const url = new URL(gateways[attempt % gateways.length]);
  url.searchParams.set('topics', 'books');
  if (lastEventId) url.searchParams.set('lastEventId', lastEventId);
  const socket = new WebSocket(url);
  socket.onmessage = async (message) => {
    const frame = JSON.parse(message.data);
    if (frame.type === 'welcome') {
      attempt = 0;
      setStatus(`live · ${frame.gateway}`, 'live');
      if (!lastEventId) await reload();
      lastEventId ??= frame.lastEventId;
    } else if (frame.type === 'sync:reset') {
      lastEventId = frame.lastEventId ?? null;
      await reload();
    } else if (frame.id) {
      lastEventId = frame.id;
      if (loaded) apply(frame); else pending.push(frame);
    }
  };
  socket.onclose = () => {
    attempt += 1;
    const delay = Math.min(10_000, 250 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random());
    setStatus('reconnecting…', 'reconnecting');
    setTimeout(connect, delay);
  };
}

search.addEventListener('input', () => render());
connect();
