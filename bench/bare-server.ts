/**
 * The baseline for the API benchmark: a bare node:http server that answers each path with bytes
 * recorded from the real server (same status, headers and body), doing no work at all.
 *   node --import tsx bench/bare-server.ts RECORDING.json PORT
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

type Recorded = Record<string, { status: number; headers: Record<string, string>; body: string }>;
const [file, port] = process.argv.slice(2);
const recorded = JSON.parse(readFileSync(file!, 'utf8')) as Recorded;
const bodies = new Map(
  Object.entries(recorded).map(([path, r]) => [path, { ...r, bytes: Buffer.from(r.body, 'base64') }]),
);

createServer((req, res) => {
  const r = bodies.get(req.url ?? '');
  if (!r) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(r.status, r.headers).end(r.bytes);
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
