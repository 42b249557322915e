// Builds a realistic heap (records, strings, arrays, Maps, closures, class instances, Buffers)
// scaled by `units`, then writes a V8 heap snapshot of it. Run by benchSnapshot.mjs as a child:
//   node --max-old-space-size=16000 scripts/benchSnapshotHeap.mjs <units> <out.heapsnapshot>
// With `--stay` instead of a file it keeps the heap alive for a capture (benchCapture.mjs).
import { writeHeapSnapshot } from 'node:v8';

class Customer {
  constructor(id) {
    this.id = id;
    this.name = `customer-${id}`;
    this.email = `user${id}@example.com`;
    this.tags = ['new', id % 2 ? 'odd' : 'even'];
    this.address = { street: `${id} Main St`, city: `City ${id % 97}`, zip: String(10000 + (id % 89999)) };
  }
}

class Order {
  constructor(id, customer) {
    this.id = id;
    this.customer = customer;
    this.lines = Array.from({ length: 3 }, (_, k) => ({ sku: `SKU-${(id * 7 + k) % 5000}`, qty: k + 1, price: 9.99 * (k + 1) }));
    this.total = this.lines.reduce((sum, line) => sum + line.qty * line.price, 0);
    this.onUpdate = () => this.total;
  }
}

const units = Number(process.argv[2] ?? 1000);
const out = process.argv[3] ?? 'bench.heapsnapshot';
const keep = { customers: [], orders: new Map(), cache: new Map(), blobs: [], weak: new WeakMap(), text: [] };
for (let i = 0; i < units; i++) {
  const customer = new Customer(i);
  keep.customers.push(customer);
  for (let k = 0; k < 4; k++) keep.orders.set(i * 4 + k, new Order(i * 4 + k, customer));
  keep.cache.set(`key:${i}`, { hits: i, value: `cached value ${i} `.repeat(1 + (i % 5)) });
  keep.weak.set(customer, { visits: i });
  if (i % 50 === 0) keep.blobs.push(Buffer.alloc(1024 + (i % 4096)));
  if (i % 10 === 0) keep.text.push(`log line ${i}: ` + 'x'.repeat(i % 200));
}
globalThis.benchHeap = keep;
if (out === '--stay') {
  console.log('ready');
  setInterval(() => {}, 1000);
} else {
  writeHeapSnapshot(out);
}
