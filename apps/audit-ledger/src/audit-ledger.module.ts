import { PLATFORM_CONFIG, ServiceKitModule, type ServiceIdentity } from '@app/service-kit';
import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LedgerAppendLoop } from './append/ledger-append.loop';
import { LEDGER_OPTIONS, type AuditLedgerOptions } from './audit-ledger.options';
import { loadLedgerConfig, type LedgerConfig } from './config/ledger-config';
import { LiabilityDossierBuilder } from './dossier/liability-dossier.builder';
import { AUDIT_EVENT_CAPABILITY } from './fhir/audit-event/audit-event.capability';
import { AuditEventHttpController } from './fhir/audit-event/audit-event.http.controller';
import { ReadAuditEventHandler } from './fhir/audit-event/read-audit-event.handler';
import { SearchAuditEventHandler } from './fhir/audit-event/search-audit-event.handler';
import { LedgerFhirReader } from './fhir/ledger-fhir.reader';
import { PROVENANCE_CAPABILITY } from './fhir/provenance/provenance.capability';
import { ProvenanceHttpController } from './fhir/provenance/provenance.http.controller';
import { ReadProvenanceHandler } from './fhir/provenance/read-provenance.handler';
import { SearchProvenanceHandler } from './fhir/provenance/search-provenance.handler';
import { AuditEntriesConsumer } from './messaging/audit-entries.consumer';
import { migrations } from './migrations';
import { GetConsistencyProofHandler } from './queries/get-consistency-proof/get-consistency-proof.handler';
import { GetConsistencyProofHttpController } from './queries/get-consistency-proof/get-consistency-proof.http.controller';
import { GetInclusionProofHandler } from './queries/get-inclusion-proof/get-inclusion-proof.handler';
import { GetInclusionProofHttpController } from './queries/get-inclusion-proof/get-inclusion-proof.http.controller';
import { GetLiabilityDossierHandler } from './queries/get-liability-dossier/get-liability-dossier.handler';
import { GetLiabilityDossierHttpController } from './queries/get-liability-dossier/get-liability-dossier.http.controller';
import { GetPublicKeyHandler } from './queries/get-public-key/get-public-key.handler';
import { GetPublicKeyHttpController } from './queries/get-public-key/get-public-key.http.controller';
import { GetTreeHeadHandler } from './queries/get-tree-head/get-tree-head.handler';
import { GetTreeHeadHttpController } from './queries/get-tree-head/get-tree-head.http.controller';
import { ListLedgerEntriesHandler } from './queries/list-ledger-entries/list-ledger-entries.handler';
import { ListLedgerEntriesHttpController } from './queries/list-ledger-entries/list-ledger-entries.http.controller';
import { ListTreeHeadsHandler } from './queries/list-tree-heads/list-tree-heads.handler';
import { ListTreeHeadsHttpController } from './queries/list-tree-heads/list-tree-heads.http.controller';
import { ListQuarantineHandler } from './queries/list-quarantine/list-quarantine.handler';
import { ListQuarantineHttpController } from './queries/list-quarantine/list-quarantine.http.controller';
import { ListSignersHandler } from './queries/list-signers/list-signers.handler';
import { ListSignersHttpController } from './queries/list-signers/list-signers.http.controller';
import { PatientExportHandler } from './queries/patient-export/patient-export.handler';
import { PatientExportHttpController } from './queries/patient-export/patient-export.http.controller';
import { SignerRegistry } from './signers/signer-registry';
import { LEDGER_SIGNING_KEY, loadSigningKey, signingKeyFrom } from './signing/ledger-signing-key';
import { LedgerSnapshots } from './store/ledger-snapshots';
import { LEDGER_DB } from './store/queryable';

/** The service as the platform knows it (services.json names it, its port and its schema alike). */
export const AUDIT_LEDGER: ServiceIdentity = { name: 'audit-ledger', defaultPort: 3005, schema: 'audit_ledger' };

/** Every service's audit entries in one signed Merkle tree; proofs and liability dossiers. */
@Module({})
export class AuditLedgerModule {
  static forRoot(options: AuditLedgerOptions = {}): DynamicModule {
    return {
      module: AuditLedgerModule,
      imports: [
        ServiceKitModule.forRoot({
          ...AUDIT_LEDGER,
          schema: options.schema ?? AUDIT_LEDGER.schema,
          migrations,
          messaging: true,
          fhir: [AUDIT_EVENT_CAPABILITY, PROVENANCE_CAPABILITY],
          logDestination: options.logDestination,
          config: options.config ?? (() => loadLedgerConfig(process.env, { defaultPort: AUDIT_LEDGER.defaultPort })),
        }),
      ],
      controllers: [
        GetTreeHeadHttpController,
        ListTreeHeadsHttpController,
        GetPublicKeyHttpController,
        GetConsistencyProofHttpController,
        ListLedgerEntriesHttpController,
        GetInclusionProofHttpController,
        GetLiabilityDossierHttpController,
        ListSignersHttpController,
        ListQuarantineHttpController,
        PatientExportHttpController,
        AuditEventHttpController,
        ProvenanceHttpController,
      ],
      providers: [
        { provide: LEDGER_OPTIONS, useValue: options },
        {
          provide: LEDGER_SIGNING_KEY,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: LedgerConfig) => (options.signingKey ? signingKeyFrom(options.signingKey) : loadSigningKey(config)),
        },
        // Readers take the database as a Queryable: they run SQL through the stores and never name TypeORM.
        { provide: LEDGER_DB, useExisting: DataSource },
        SignerRegistry,
        LedgerSnapshots,
        LedgerAppendLoop,
        AuditEntriesConsumer,
        LiabilityDossierBuilder,
        GetTreeHeadHandler,
        ListTreeHeadsHandler,
        GetPublicKeyHandler,
        GetConsistencyProofHandler,
        ListLedgerEntriesHandler,
        GetInclusionProofHandler,
        GetLiabilityDossierHandler,
        ListSignersHandler,
        ListQuarantineHandler,
        PatientExportHandler,
        LedgerFhirReader,
        SearchAuditEventHandler,
        ReadAuditEventHandler,
        SearchProvenanceHandler,
        ReadProvenanceHandler,
      ],
    };
  }
}
