import { bootstrapService } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { AUDIT_LEDGER, AuditLedgerModule } from './audit-ledger.module';

@Module({ imports: [AuditLedgerModule.forRoot()] })
class AuditLedgerApp {}

void bootstrapService(AuditLedgerApp, AUDIT_LEDGER);
