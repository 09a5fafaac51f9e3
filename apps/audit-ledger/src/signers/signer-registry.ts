import type { Signer } from '@app/audit';
import { ConfigError, PLATFORM_CONFIG } from '@app/service-kit';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LEDGER_OPTIONS, type AuditLedgerOptions } from '../audit-ledger.options';
import type { LedgerConfig } from '../config/ledger-config';
import { configuredSigners } from '../config/signers-config';
import { LEDGER_DB, type Queryable } from '../store/queryable';
import { readSigners, registerSigners, signersOfOtherService } from '../store/signer.store';

/**
 * The keys the ledger accepts seals from: the configured ones (validated at
 * start-up) registered in ledger_signers, plus every key registered before,
 * so an entry sealed by a retired key keeps verifying. Loaded once at start.
 */
@Injectable()
export class SignerRegistry implements OnModuleInit {
  private readonly configured: Signer[];
  private loaded: Promise<Signer[]> | null = null;

  constructor(
    @Inject(PLATFORM_CONFIG) config: LedgerConfig,
    @Inject(LEDGER_DB) private readonly db: Queryable,
    @Inject(LEDGER_OPTIONS) options: AuditLedgerOptions,
  ) {
    this.configured = options.signers ?? configuredSigners(config);
  }

  onModuleInit(): Promise<void> {
    return this.signers().then(() => undefined);
  }

  /** Every registered key, history included. */
  signers(): Promise<Signer[]> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  private async load(): Promise<Signer[]> {
    const moved = await signersOfOtherService(this.db, this.configured);
    if (moved.length > 0) throw new ConfigError([`AUDIT_SIGNERS gives key(s) ${moved.join(', ')} to another service than registered`]);
    await registerSigners(this.db, this.configured);
    return readSigners(this.db);
  }
}
