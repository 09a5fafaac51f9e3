import { randomBytes } from 'node:crypto';

/**
 * A KRaft cluster id: 16 random bytes in base64url (22 characters), as
 * `kafka-storage random-uuid` prints. Like Kafka's own Uuid.randomUuid(), it
 * never starts with '-': the storage tool would read `-t -K2W...` as an option
 * and refuse to format (1 fresh start in 64 failed that way).
 */
export function newClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
