import { bootstrapService } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { AuditLedgerModule, DEFAULT_PORT, SERVICE } from './audit-ledger.module';

@Module({ imports: [AuditLedgerModule.forRoot()] })
class AuditLedgerApp {}

void bootstrapService(AuditLedgerApp, { name: SERVICE, defaultPort: DEFAULT_PORT });
