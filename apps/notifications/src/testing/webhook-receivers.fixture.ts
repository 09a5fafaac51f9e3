import type { NotificationType } from '@app/contracts';
import { CommandPipeline, systemContext } from '@app/event-sourcing';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { NotificationAggregate } from '../commands/notification.aggregate';
import { notificationTokens, type NotificationsTestApp } from './notifications.test-app';

/** What a receiver was sent: the exact bytes and the headers. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** How a receiver answers its n-th request (from 1): a status, or never (the socket left open). */
export type Answer = (n: number, response: ServerResponse) => void;

/** Local receivers on real sockets of this machine (development allows loopback http), closed at the end. */
export class WebhookReceivers {
  private readonly servers: Server[] = [];

  async start(answer: Answer): Promise<{ url: string; received: Received[] }> {
    const received: Received[] = [];
    const server = createServer((req, response) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
        answer(received.length, response);
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    this.servers.push(server);
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
  }

  close(): void {
    for (const server of this.servers) {
      server.closeAllConnections();
      server.close();
    }
  }
}

export const answering = (status: number): Answer => (_n, response) => void response.writeHead(status).end();
export const silent: Answer = () => undefined;

/** A secret of the allowed length, different at every call, so a scan for it finds only what this test stored. */
export const newSecret = (): string => `whsec-${uuidv7()}`;

/** Registers a webhook of `org` through the API, answering its id. */
export async function registerWebhook(t: NotificationsTestApp, org: string, url: string, events: NotificationType[], secret: string): Promise<string> {
  const response = await request(t.app.getHttpServer())
    .post('/v1/webhooks')
    .set('Authorization', notificationTokens.operator(org))
    .send({ url, events, secret })
    .expect(201);
  return response.body.id;
}

/** A notification for an org's inbox, created by the aggregate as the platform does: its NotificationCreated goes out through the outbox. */
export async function notifyOrg(t: NotificationsTestApp, org: string, type: NotificationType): Promise<string> {
  const notificationId = uuidv7();
  await t.app.get(CommandPipeline).run(t.app.get(NotificationAggregate), {
    streamId: notificationId,
    command: {
      type: 'CreateNotification',
      notification: {
        notificationId,
        type,
        recipient: `org:${org}`,
        subject: `enrolment:${uuidv7()}`,
        relatedSubjects: ['patient:ps-webhook-test'],
        message: 'A connectivity incident was opened for patient ps-webhook-test.',
        engaging: false,
        fact: { eventId: uuidv7(), type: 'IncidentOpened', streamId: uuidv7() },
        createdAt: new Date().toISOString(),
      },
    },
    context: systemContext('system:notifications', new Date(), uuidv7()),
  });
  return notificationId;
}
