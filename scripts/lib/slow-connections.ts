/**
 * Drill: 3,000 slow, trickling connections against a running server (issue 17, item 7), loopback only.
 * Once from one address (127.0.0.1: the per-address cap holds 64 and destroys the rest), once spread
 * over 127.0.0.2–48 (≤ 64 each: all held, bounded by the total). For each it prints how many were held
 * after 2 s, the server's RSS before and after, and a normal client's /api/health latency from an
 * address of its own. Every socket is closed before it returns; it runs for about 15 s.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import type { RunningServer } from './server-process';

const COUNT = 3_000;
const HOLD_MS = 2_000;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** One trickling client: half a request, then a header byte a second. */
function trickle(port: number, localAddress: string): { socket: Socket; closed: () => boolean } {
  let closed = false;
  const socket = connect({ port, host: '127.0.0.1', localAddress }, () =>
    socket.write('GET /api/health HTTP/1.1\r\nHost: drill\r\nX-Slow: '),
  );
  const timer = setInterval(() => socket.writable && socket.write('x'), 1_000);
  socket.on('error', () => undefined);
  socket.on('close', () => {
    closed = true;
    clearInterval(timer);
  });
  return { socket, closed: () => closed };
}

/** A normal client's GET /api/health from `localAddress`: milliseconds, or the error it met. */
function healthFrom(port: number, localAddress: string): Promise<string> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/health', localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(`${res.statusCode} in ${(performance.now() - started).toFixed(0)} ms`));
    });
    req.setTimeout(5_000, () => req.destroy(new Error('no answer within 5 s')));
    req.on('error', (e) => resolve(`refused (${e.message})`));
    req.end();
  });
}

async function round(server: RunningServer, label: string, addressOf: (i: number) => string, normalFrom: string[]) {
  const pid = server.child.pid!;
  const before = rssMiB(pid);
  const clients: ReturnType<typeof trickle>[] = [];
  for (let i = 0; i < COUNT; i++) {
    clients.push(trickle(server.port, addressOf(i)));
    if (i % 200 === 199) await new Promise((r) => setTimeout(r, 20)); // let the event loop accept
  }
  await new Promise((r) => setTimeout(r, HOLD_MS));
  const held = clients.filter((c) => !c.closed()).length;
  const during = rssMiB(pid);
  const normal = await Promise.all(normalFrom.map(async (a) => `from ${a}: ${await healthFrom(server.port, a)}`));
  for (const c of clients) c.socket.destroy();
  await new Promise((r) => setTimeout(r, 500));
  console.log(
    `slow connections (${label}): ${COUNT} opened, ${held} held after ${HOLD_MS / 1000} s; ` +
      `server RSS ${before.toFixed(0)} → ${during.toFixed(0)} MiB; normal client ${normal.join(', ')}`,
  );
  return { held, before, during };
}

/** Both rounds; true if one address could hold no more than the cap and a normal client was served. */
export async function slowConnectionsDrill(server: RunningServer, perAddressCap = 64): Promise<boolean> {
  const one = await round(server, 'one address', () => '127.0.0.1', ['127.0.0.1', '127.0.0.200']);
  const spread = await round(server, 'spread over 47 addresses', (i) => `127.0.0.${2 + (i % 47)}`, ['127.0.0.200']);
  return one.held <= perAddressCap && spread.held > 0;
}
