import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** Connections accepted so far (a client that tried to reach the target through us). */
  readonly accepted: number;
  close(): Promise<void>;
}

/**
 * A plain TCP relay from 127.0.0.1:`port` to `target` ("host:port"). Tests use
 * it to make a broker appear at an address where nothing listened before,
 * without restarting the shared broker.
 */
export async function openTcpProxy(port: number, target: string): Promise<TcpProxy> {
  const [host, targetPort] = target.split(':');
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((client) => {
    accepted += 1;
    const upstream = connect({ host, port: Number(targetPort) });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      // A reset on one side ends both; the error itself is the client's business.
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return {
    get accepted() {
      return accepted;
    },
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

