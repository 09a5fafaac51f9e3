import type { CommandContext, CommandUnit } from '@app/event-sourcing';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ClaimAggregate } from '../commands/claim.aggregate';
import { BILLING_SETTINGS, type BillingSettings } from '../claims.settings';
import type { DeviceFacts, EnrolmentFacts } from '../domain/billing/billing-facts';
import { planClaim, type ClaimPlan, type ClaimPlanInput } from '../domain/billing/claim-plan';
import type { TariffTable } from '../domain/tariffs/tariff-table';
import { ClaimsRepository } from '../projections/claims.repository';
import { DeviceFactsRepository } from '../projections/device-facts.repository';
import { EnrolmentFactsRepository } from '../projections/enrolment-facts.repository';
import { TARIFF_TABLE } from '../tariffs/tariff-table.token';

export type IssuedPlanInput = Omit<ClaimPlanInput, 'tariffs' | 'minimumDays' | 'ids'> & { billingRunId: string };

/**
 * What billing a month and correcting a billed one share: the facts of a
 * page of enrolments with their devices, the plan under the service's tariff
 * table and minimum of days, and the claim issued on its new stream with the
 * facts version it was computed from (pinned in the same transaction: it is
 * looked at again only once those facts move).
 */
@Injectable()
export class ClaimIssuer {
  constructor(
    private readonly aggregate: ClaimAggregate,
    private readonly claims: ClaimsRepository,
    private readonly enrolmentFacts: EnrolmentFactsRepository,
    private readonly deviceFacts: DeviceFactsRepository,
    @Inject(TARIFF_TABLE) private readonly tariffs: TariffTable,
    @Inject(BILLING_SETTINGS) private readonly settings: BillingSettings,
  ) {}

  async factsOf(enrolmentIds: string[]): Promise<{ enrolments: EnrolmentFacts[]; devices: Map<string, DeviceFacts> }> {
    const enrolments = await this.enrolmentFacts.factsOf(enrolmentIds);
    const deviceIds = [...new Set(enrolments.map((enrolment) => enrolment.deviceId))];
    const devices = new Map((await this.deviceFacts.factsOf(deviceIds)).map((device) => [device.deviceId, device]));
    return { enrolments, devices };
  }

  plan({ billingRunId, ...input }: IssuedPlanInput): ClaimPlan {
    return planClaim({ ...input, tariffs: this.tariffs, minimumDays: this.settings.minimumDays, ids: { claimId: uuidv7(), billingRunId } });
  }

  async issue(unit: CommandUnit, { claim, rejection }: Extract<ClaimPlan, { kind: 'CLAIM' }>, factsVersion: number, context: CommandContext): Promise<void> {
    await unit.execute(this.aggregate, { streamId: claim.claimId, command: { type: 'CreateClaim', claim, rejection, now: context.now }, context });
    await this.claims.markChecked(unit.tx, claim.claimId, factsVersion);
  }
}

