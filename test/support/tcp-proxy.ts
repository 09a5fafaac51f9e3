import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The loopback port it listens on (the one asked for, or the one the system chose for 0). */
  readonly port: number;
  /** Connections accepted and relayed so far (a client that reached the target through us). */
  readonly accepted: number;
  /** Connections turned away while cut. */
  readonly refused: number;
  /** Client connections relayed right now. */
  readonly open: number;
  readonly isCut: boolean;
  /**
   * The network between the clients and the target fails: every relayed
   * connection is reset, and each new one is reset as soon as it is accepted
   * (a quick refusal, as from a host that is down, not a silent hang that
   * would leave each client waiting for its own timeout).
   */
  cut(): void;
  /** The network is back: new connections are relayed again (the broken ones stay broken, as after a real outage). */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A plain TCP relay from 127.0.0.1:`port` (0: any free port) to `target`
 * ("host:port"). Tests use it to make a broker appear at an address where
 * nothing listened before, or to take Postgres away from services for a
 * while (cut / restore) without touching the machine's server.
 */
export async function openTcpProxy(port: number, target: string): Promise<TcpProxy> {
  const [host, targetPort] = target.split(':');
  /** Each relayed client with its upstream, so a cut resets both sides. */
  const pairs = new Map<Socket, Socket>();
  let accepted = 0;
  let refused = 0;
  let isCut = false;

  const reset = (socket: Socket): void => {
    // An RST, as a broken network gives; destroy() alone would send an orderly FIN.
    if (!socket.destroyed) socket.resetAndDestroy();
  };
  const end = (client: Socket): void => {
    const upstream = pairs.get(client);
    pairs.delete(client);
    reset(client);
    if (upstream) reset(upstream);
  };

  const server: Server = createServer((client) => {
    // The client's resets are its business; without a listener they would crash the test process.
    client.on('error', () => end(client));
    if (isCut) {
      refused += 1;
      reset(client);
      return;
    }
    accepted += 1;
    const upstream = connect({ host, port: Number(targetPort) });
    pairs.set(client, upstream);
    upstream.on('error', () => end(client));
    client.on('close', () => end(client));
    upstream.on('close', () => end(client));
    client.pipe(upstream).pipe(client);
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const listening = (server.address() as AddressInfo).port;

  return {
    port: listening,
    get accepted() {
      return accepted;
    },
    get refused() {
      return refused;
    },
    get open() {
      return pairs.size;
    },
    get isCut() {
      return isCut;
    },
    cut() {
      isCut = true;
      for (const client of [...pairs.keys()]) end(client);
    },
    restore() {
      isCut = false;
    },
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const client of [...pairs.keys()]) end(client);
      await closed;
    },
  };
}
