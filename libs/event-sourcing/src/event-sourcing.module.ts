import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CommandPipeline } from './command/command-pipeline';
import { AuditDisclosuresRepository } from './disclosures/audit-disclosures.repository';
import { AUDIT_SIGNING_KEY, EVENT_SOURCING_OPTIONS, type EventSourcingOptions, type SigningKeySource } from './event-sourcing.options';
import { EventStore } from './store/event-store';
import type { EventStoreOptions } from './store/event-store.types';

const EVENT_STORE_OPTIONS = Symbol('EVENT_STORE_OPTIONS');
import { EventTypeRegistry } from './upcasting/event-type-registry';
import { AuditTrailVerifier } from './verification/audit-trail-verifier';

/**
 * Event store, command pipeline and audit verifier over the service's default
 * TypeORM DataSource (provided by the service's database module), plus
 * @nestjs/cqrs as the command/query dispatcher. Global, like the DataSource it
 * wraps: every feature module's command handler can inject the pipeline.
 * The OutboxSignal is optional: when a messaging module provides it, the relay
 * is woken after each commit; otherwise the relay's polling picks rows up.
 * COMMAND_ANSWERS is optional too: the service kit provides it to keep
 * `Idempotency-Key` answers in the command's transaction.
 */
@Module({})
export class EventSourcingModule {
  static forRoot(options: EventSourcingOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: EVENT_SOURCING_OPTIONS, useValue: options },
        signingKeyProvider(options.signingKey),
        { provide: EventTypeRegistry, useValue: options.registry ?? new EventTypeRegistry() },
        {
          provide: EVENT_STORE_OPTIONS,
          useFactory: options.store?.useFactory ?? (() => ({})),
          inject: options.store?.inject ?? [],
        },
        {
          provide: EventStore,
          useFactory: (dataSource: DataSource, registry: EventTypeRegistry, storeOptions: EventStoreOptions) =>
            new EventStore(dataSource, registry, storeOptions),
          inject: [getDataSourceToken(), EventTypeRegistry, EVENT_STORE_OPTIONS],
        },
        {
          provide: AuditTrailVerifier,
          useFactory: (store: EventStore) => new AuditTrailVerifier(store),
          inject: [EventStore],
        },
        CommandPipeline,
        AuditDisclosuresRepository,
      ],
      exports: [EVENT_SOURCING_OPTIONS, AUDIT_SIGNING_KEY, EventTypeRegistry, EventStore, AuditTrailVerifier, CommandPipeline, AuditDisclosuresRepository],
    };
  }
}

function signingKeyProvider(source: SigningKeySource): Provider {
  return 'useFactory' in source
    ? { provide: AUDIT_SIGNING_KEY, inject: source.inject, useFactory: source.useFactory }
    : { provide: AUDIT_SIGNING_KEY, useValue: source };
}
