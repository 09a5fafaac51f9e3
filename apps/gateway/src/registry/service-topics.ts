import { deadLetterTopic, TOPICS } from '@app/contracts';
import { z } from 'zod';

const KNOWN_TOPICS: ReadonlySet<string> = new Set(Object.values(TOPICS));

/**
 * A topic a service declares: one of libs/contracts/src/topics.ts, so a typo
 * fails at start-up instead of silently creating (and later granting) a new topic.
 */
const declaredTopic = z.string().superRefine((topic, ctx) => {
  if (KNOWN_TOPICS.has(topic)) return;
  ctx.addIssue({
    code: 'custom',
    message: topic.endsWith('.dlq')
      ? `${topic} is a dead-letter topic: those (<topic>.<consumer-service>.dlq) follow from "consumes", do not declare them`
      : `${topic} is not a topic of libs/contracts/src/topics.ts (${[...KNOWN_TOPICS].join(', ')})`,
  });
});

/**
 * What a service writes to and reads from Kafka. `npm start` creates these
 * topics before the services start; Kafka ACLs are derived from them, so they
 * must be complete: every outbox row's topic and every consumer's topics.
 */
export const serviceTopicsSchema = z.strictObject(
  {
    /** Topics its outbox relay (or any producer of it) writes, audit.entries.v1 included when it records audit entries. */
    publishes: z.array(declaredTopic),
    /** Topics its consumers read; each also gets the service's own dead-letter topic `<topic>.<service>.dlq`. */
    consumes: z.array(declaredTopic),
  },
  {
    error: (issue) =>
      issue.input === undefined ? 'is required: { "publishes": [...], "consumes": [...] } (empty lists when it uses no Kafka)' : undefined,
  },
);

export type ServiceTopics = z.infer<typeof serviceTopicsSchema>;

/** The declaration of a service that uses no Kafka (the gateway). */
export const NO_TOPICS: ServiceTopics = { publishes: [], consumes: [] };

/** The dead-letter topics a service writes: one per consumed topic. */
export const deadLetterTopicsOf = (service: { name: string; topics: ServiceTopics }): string[] =>
  service.topics.consumes.map((topic) => deadLetterTopic(topic, service.name));

/** Every topic the platform uses (published, consumed, dead letters), each once, sorted. */
export function platformTopics(services: Array<{ name: string; topics: ServiceTopics }>): string[] {
  const all = services.flatMap((service) => [
    ...service.topics.publishes,
    ...service.topics.consumes,
    ...deadLetterTopicsOf(service),
  ]);
  return [...new Set(all)].sort();
}

/** A topic listed twice in one list is a copy-paste slip worth naming. */
export function repeatedTopic(topics: ServiceTopics): { list: keyof ServiceTopics; topic: string } | undefined {
  for (const list of ['publishes', 'consumes'] as const) {
    const repeated = topics[list].find((topic, index) => topics[list].indexOf(topic) !== index);
    if (repeated) return { list, topic: repeated };
  }
  return undefined;
}
