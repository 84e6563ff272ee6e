import type { Server } from 'node:net';

/**
 * Limits for the Node HTTP server (issue 17, item 7; docs/security.md "Connections"). A slow client is
 * cut off: headers within 10 s, the whole request within 30 s (checked every second), an idle
 * keep-alive connection after 5 s; request headers are capped at 16 KiB (431 beyond).
 */
export const SERVER_OPTIONS = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  connectionsCheckingInterval: 1_000,
  keepAliveTimeout: 5_000,
  maxHeaderSize: 16 * 1024,
} as const;

/** Open connections at most: from one peer address, and in all. */
export const CONNECTION_LIMITS = { perAddress: 64, total: 4_096 };
export type ConnectionCap = { perAddress?: number; total?: number; behindProxy?: boolean };

/**
 * Caps open connections per peer address: one beyond the cap is destroyed as it arrives, before
 * any byte is read, so one client cannot hold the server's sockets and memory with slow connections.
 * At the socket the peer is who connected: behind a trusted proxy (TRUST_PROXY) that is the proxy
 * itself, so only the total applies there and the proxy must limit its clients.
 */
export function capConnections(
  server: Server,
  {
    perAddress = CONNECTION_LIMITS.perAddress,
    total = CONNECTION_LIMITS.total,
    behindProxy = false,
  }: ConnectionCap = {},
): { open: (address: string) => number; refused: () => number } {
  server.maxConnections = total;
  const open = new Map<string, number>();
  let refused = 0;
  server.prependListener('connection', (socket) => {
    if (behindProxy) return;
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > perAddress) {
      refused++;
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return { open: (address) => open.get(address) ?? 0, refused: () => refused };
}
