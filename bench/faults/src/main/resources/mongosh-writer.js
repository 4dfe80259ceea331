// Writes books and customers' orders as a DBA would, at a steady pace, until the stop file appears.
// FAULTS (set by the harness before this script): seqBase, periodMs, users, stopFile.
// Each write prints one JSON line: the harness's source log reads them.
const fs = require('fs');
let seq = FAULTS.seqBase;
const books = [];
const orders = {};

function write(type, topic, action) {
  seq += 1;
  const s = seq;
  const t0 = Date.now();
  let id = '';
  let ok = false;
  try {
    const result = action(s);
    id = result.id;
    ok = result.ok;
  } catch (e) {
    ok = false; // refused, timed out or cut off: the outcome is unknown
  }
  print(JSON.stringify({seq: s, type: type, topic: topic, id: id, t0: t0, t1: Date.now(), ok: ok}));
}

for (let i = 0; !fs.existsSync(FAULTS.stopFile); i++) {
  const kind = i % 4;
  if (kind === 0 || books.length === 0) {
    write('book:created', 'books', s => {
      const r = db.books.insertOne({title: 'mongosh ' + s, author: 'Fault Harness', price: s, stock: 1});
      books.push(r.insertedId);
      return {id: r.insertedId.toString(), ok: r.acknowledged};
    });
  } else if (kind === 1) {
    const book = books[i % books.length];
    write('book:updated', 'books', s => {
      const r = db.books.updateOne({_id: book}, {$set: {price: s}});
      return {id: book.toString(), ok: r.modifiedCount === 1};
    });
  } else {
    const user = FAULTS.users[i % FAULTS.users.length];
    if (!orders[user]) {
      write('order:created', 'orders:' + user, s => {
        const r = db.orders.insertOne({userId: user, status: 'placed', items: [], total: 0, seq: s});
        orders[user] = r.insertedId;
        return {id: r.insertedId.toString(), ok: r.acknowledged};
      });
    } else {
      const order = orders[user];
      write('order:updated', 'orders:' + user, s => {
        const r = db.orders.updateOne({_id: order}, {$set: {seq: s, status: 'placed-' + (s % 3)}});
        return {id: order.toString(), ok: r.modifiedCount === 1};
      });
    }
  }
  sleep(FAULTS.periodMs);
}
