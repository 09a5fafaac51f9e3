import { AuthModule } from '@app/auth';
import { PLATFORM_CONFIG, ServiceKitModule, platformMessagingModule } from '@app/service-kit';
import { type DynamicModule, Module } from '@nestjs/common';
import { LedgerAppendLoop } from './append/ledger-append.loop';
import { LEDGER_OPTIONS, type AuditLedgerOptions } from './audit-ledger.options';
import { loadLedgerConfig, type LedgerConfig } from './config/ledger-config';
import { AuditEntriesConsumer } from './consumer/audit-entries.consumer';
import { LiabilityDossierBuilder } from './dossier/liability-dossier.builder';
import { LiabilityDossierHttpController } from './dossier/liability-dossier.http.controller';
import { migrations } from './migrations';
import { LedgerEntriesHttpController } from './queries/ledger-entries.http.controller';
import { LedgerQueries } from './queries/ledger-queries.service';
import { TreeHeadsHttpController } from './queries/tree-heads.http.controller';
import { LEDGER_SIGNING_KEY, loadSigningKey, signingKeyFrom } from './signing/ledger-signing-key';

export const SERVICE = 'audit-ledger';
export const SCHEMA = 'audit_ledger';
export const DEFAULT_PORT = 3005;

/** Every service's audit entries in one signed Merkle tree; proofs and liability dossiers. */
@Module({})
export class AuditLedgerModule {
  static forRoot(options: AuditLedgerOptions = {}): DynamicModule {
    return {
      module: AuditLedgerModule,
      imports: [
        ServiceKitModule.forRoot({
          name: SERVICE,
          defaultPort: DEFAULT_PORT,
          schema: options.schema ?? SCHEMA,
          migrations,
          readiness: { postgres: true, kafka: true },
          config: options.config ?? (() => loadLedgerConfig(process.env, { defaultPort: DEFAULT_PORT })),
        }),
        AuthModule.forRoot(),
        platformMessagingModule(SERVICE),
      ],
      controllers: [TreeHeadsHttpController, LedgerEntriesHttpController, LiabilityDossierHttpController],
      providers: [
        { provide: LEDGER_OPTIONS, useValue: options },
        {
          provide: LEDGER_SIGNING_KEY,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: LedgerConfig) => (options.signingKey ? signingKeyFrom(options.signingKey) : loadSigningKey(config)),
        },
        LedgerAppendLoop,
        AuditEntriesConsumer,
        LedgerQueries,
        LiabilityDossierBuilder,
      ],
    };
  }
}
