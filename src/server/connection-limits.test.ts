import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { capConnections, SERVER_OPTIONS } from './connection-limits';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(options: Parameters<typeof capConnections>[1]) {
  const server = createServer(SERVER_OPTIONS, (_req, res) => res.end('ok'));
  servers.push(server);
  const cap = capConnections(server, options);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { server, cap, port };
}
/** Opens a connection that sends half a request line and waits; resolves once it is open or closed. */
function slow(port: number, localAddress = '127.0.0.1'): Promise<{ socket: Socket; closed: () => boolean }> {
  return new Promise((resolve) => {
    let closed = false;
    const socket = connect({ port, host: '127.0.0.1', localAddress }, () => socket.write('GET / HTTP/1.1\r\n'));
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => (closed = true));
    socket.on('connect', () => resolve({ socket, closed: () => closed }));
  });
}
const settle = () => new Promise((r) => setTimeout(r, 200));

describe('connection limits', () => {
  it('destroys connections from one address beyond its cap; another address and a freed slot still get in', async () => {
    const { cap, port } = await listen({ perAddress: 3 });
    const held = await Promise.all(Array.from({ length: 5 }, () => slow(port)));
    await settle();
    expect(held.filter((c) => c.closed())).toHaveLength(2);
    expect(cap.open('127.0.0.1')).toBe(3);
    expect(cap.refused()).toBe(2);
    // Another address is not affected by the first one's connections.
    const other = await slow(port, '127.0.0.2');
    await settle();
    expect(other.closed()).toBe(false);
    // Once one of the held connections closes, the address may connect again.
    held.find((c) => !c.closed())!.socket.destroy();
    await settle();
    const again = await slow(port);
    await settle();
    expect(again.closed()).toBe(false);
  });

  it('behind a trusted proxy applies only the total (every connection comes from the proxy)', async () => {
    const { server, port } = await listen({ perAddress: 2, behindProxy: true, total: 10 });
    const held = await Promise.all(Array.from({ length: 4 }, () => slow(port)));
    await settle();
    expect(held.filter((c) => c.closed())).toHaveLength(0);
    expect(server.maxConnections).toBe(10);
  });

  it('sets the header, request and keep-alive timeouts and the header size cap', () => {
    const server = createServer(SERVER_OPTIONS);
    expect(server.headersTimeout).toBe(10_000);
    expect(server.requestTimeout).toBe(30_000);
    expect(server.keepAliveTimeout).toBe(5_000);
    expect(SERVER_OPTIONS.maxHeaderSize).toBe(16 * 1024);
  });
});
