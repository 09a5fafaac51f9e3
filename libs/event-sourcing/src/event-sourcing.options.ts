import type { Ed25519SigningKey } from '@app/audit';
import type { InjectionToken } from '@nestjs/common';
import type { EventStoreOptions } from './store/event-store.types';
import type { EventTypeRegistry } from './upcasting/event-type-registry';

export const EVENT_SOURCING_OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');
/** Injection token of the service's audit signing key (an `Ed25519SigningKey`). */
export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');

/** The key, or how to get it from the service's configuration once at start-up. */
export type SigningKeySource =
  | Ed25519SigningKey
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  | { inject: InjectionToken[]; useFactory: (...deps: any[]) => Ed25519SigningKey };

export interface EventSourcingOptions {
  /** Name stamped as `service` on every audit entry (e.g. `prescription`). */
  service: string;
  /** Seals every audit entry the service writes (AUDIT_SIGNING_KEY / AUDIT_SIGNING_KEY_FILE in a service). */
  signingKey: SigningKeySource;
  /** Event types' upcasters; an empty registry when the service has none yet. */
  registry?: EventTypeRegistry;
  /** How many times a command is decided again when its stream moved meanwhile (default 3); then 409. */
  conflictRetries?: number;
  /** The event store's options, from providers the service has (its validated configuration). */
  store?: { inject: InjectionToken[]; useFactory: (...args: never[]) => EventStoreOptions };
}
