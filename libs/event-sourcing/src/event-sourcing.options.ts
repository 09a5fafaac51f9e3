import type { InjectionToken } from '@nestjs/common';
import type { EventStoreOptions } from './store/event-store.types';
import type { EventTypeRegistry } from './upcasting/event-type-registry';

export const EVENT_SOURCING_OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');

export interface EventSourcingOptions {
  /** Name stamped as `service` on every audit entry (e.g. `prescription`). */
  service: string;
  /** Event types' upcasters; an empty registry when the service has none yet. */
  registry?: EventTypeRegistry;
  /** How many times a command is decided again when its stream moved meanwhile (default 3); then 409. */
  conflictRetries?: number;
  /** The event store's options, from providers the service has (its validated configuration). */
  store?: { inject: InjectionToken[]; useFactory: (...args: never[]) => EventStoreOptions };
}
