import { PatientErasures, ServiceKitModule, type ServiceIdentity, type ServiceOverrides } from '@app/service-kit';
import { type DynamicModule, Module } from '@nestjs/common';
import { BillingRunJob } from './billing/billing-run.job';
import { BillingRuns } from './billing/billing-runs';
import { BillingScheduler } from './billing/billing.scheduler';
import { ClaimCorrections } from './billing/claim-corrections';
import { FileActiveOfRun } from './billing/file-active-of-run';
import { ClaimIssuer } from './billing/claim-issuer';
import { PeriodBilling } from './billing/period-billing';
import { loadClaimsConfig } from './claims.config';
import { CLAIMS_JOBS } from './claims.jobs';
import { claimsSettingsProviders } from './claims.settings';
import { AdjudicateClaimHandler } from './commands/adjudicate-claim/adjudicate-claim.handler';
import { AdjudicateClaimHttpController } from './commands/adjudicate-claim/adjudicate-claim.http.controller';
import { CancelClaimHandler } from './commands/cancel-claim/cancel-claim.handler';
import { CancelClaimHttpController } from './commands/cancel-claim/cancel-claim.http.controller';
import { ClaimSteps } from './commands/claim-steps';
import { ClaimStreams } from './commands/claim-streams';
import { ClaimAggregate } from './commands/claim.aggregate';
import { ContestClaimHandler } from './commands/contest-claim/contest-claim.handler';
import { ContestClaimHttpController } from './commands/contest-claim/contest-claim.http.controller';
import { ResubmitClaimHandler } from './commands/resubmit-claim/resubmit-claim.handler';
import { ResubmitClaimHttpController } from './commands/resubmit-claim/resubmit-claim.http.controller';
import { StartBillingRunHandler } from './commands/start-billing-run/start-billing-run.handler';
import { StartBillingRunHttpController } from './commands/start-billing-run/start-billing-run.http.controller';
import type { TariffTable } from './domain/tariffs/tariff-table';
import { CLAIM_RESPONSE_CAPABILITY } from './fhir/claim-response/claim-response.capability';
import { ClaimResponseHttpController } from './fhir/claim-response/claim-response.http.controller';
import { ReadClaimResponseHandler } from './fhir/claim-response/read-claim-response.handler';
import { SearchClaimResponseHandler } from './fhir/claim-response/search-claim-response.handler';
import { CLAIM_CAPABILITY } from './fhir/claim/claim.capability';
import { ClaimHttpController } from './fhir/claim/claim.http.controller';
import { ReadClaimHandler } from './fhir/claim/read-claim.handler';
import { SearchClaimHandler } from './fhir/claim/search-claim.handler';
import { DEVICE_CONSUMER_PURPOSE, DeviceCertificationConsumer } from './messaging/device-certification.consumer';
import { ENROLMENT_CONSUMER_PURPOSE, EnrolmentConsumer } from './messaging/enrolment.consumer';
import { PATIENTS_CONSUMER_PURPOSE, PatientsConsumer } from './messaging/patients.consumer';
import { PRESCRIPTION_CONSUMER_PURPOSE, PrescriptionConsumer } from './messaging/prescription.consumer';
import { migrations } from './migrations';
import { PaymentLockRepository } from './payment/payment-lock.repository';
import { PaymentJob } from './payment/payment.job';
import { Payments } from './payment/payments';
import { ClaimSealing } from './personal-data/claim-sealing';
import { BillingRunCorrectionsRepository } from './projections/billing-run-corrections.repository';
import { BillingRunItemsRepository } from './projections/billing-run-items.repository';
import { BillingRunsRepository } from './projections/billing-runs.repository';
import { ClaimKeysRepository } from './projections/claim-keys.repository';
import { ClaimReadModel } from './projections/claim-read-model.projection';
import { ClaimViews } from './projections/claim-views';
import { ClaimsRepository } from './projections/claims.repository';
import { DeviceCertificationFactsRepository } from './projections/device-certification-facts.repository';
import { DeviceFactsRepository } from './projections/device-facts.repository';
import { EnrolmentFactsRepository } from './projections/enrolment-facts.repository';
import { EnrolmentIncidentsRepository } from './projections/enrolment-incidents.repository';
import { EnrolmentTimelineRepository } from './projections/enrolment-timeline.repository';
import { FileActiveRepository } from './projections/file-active.repository';
import { PrescriptionFactsRepository } from './projections/prescription-facts.repository';
import { RemittancesRepository } from './projections/remittances.repository';
import { ClaimHistoryHandler } from './queries/claim-history/claim-history.handler';
import { ClaimHistoryHttpController } from './queries/claim-history/claim-history.http.controller';
import { ExportPatientDataHandler } from './queries/export-patient-data/export-patient-data.handler';
import { ExportPatientDataHttpController } from './queries/export-patient-data/export-patient-data.http.controller';
import { GetBillingRunHandler } from './queries/get-billing-run/get-billing-run.handler';
import { GetBillingRunHttpController } from './queries/get-billing-run/get-billing-run.http.controller';
import { GetClaimHandler } from './queries/get-claim/get-claim.handler';
import { GetClaimHttpController } from './queries/get-claim/get-claim.http.controller';
import { GetRemittanceHandler } from './queries/get-remittance/get-remittance.handler';
import { GetRemittanceHttpController } from './queries/get-remittance/get-remittance.http.controller';
import { ListClaimsHandler } from './queries/list-claims/list-claims.handler';
import { ListClaimsHttpController } from './queries/list-claims/list-claims.http.controller';
import { ListFileActiveHandler } from './queries/list-file-active/list-file-active.handler';
import { ListFileActiveHttpController } from './queries/list-file-active/list-file-active.http.controller';
import { ListRemittancesHandler } from './queries/list-remittances/list-remittances.handler';
import { ListRemittancesHttpController } from './queries/list-remittances/list-remittances.http.controller';
import { ListTariffsHandler } from './queries/list-tariffs/list-tariffs.handler';
import { ListTariffsHttpController } from './queries/list-tariffs/list-tariffs.http.controller';
import { ReasonCodesHandler } from './queries/reason-codes/reason-codes.handler';
import { ReasonCodesHttpController } from './queries/reason-codes/reason-codes.http.controller';
import { amoClaimsProviders, amoClaimsSimulatorControllers } from './submission/amo-claims.providers';
import { SubmissionJob } from './submission/submission.job';
import { SubmissionSweep } from './submission/submission.sweep';
import type { SubmissionRetryPolicy } from './submission/submission.queue';
import { Submissions } from './submission/submissions';
import { tariffTableProvider } from './tariffs/tariff-table.provider';

/** The service as the platform knows it (services.json names it, its port and its schema alike). */
export const CLAIMS: ServiceIdentity = { name: 'claims', defaultPort: 3004, schema: 'claims', patientKeys: 'holder' };

export interface ClaimsOverrides extends ServiceOverrides {
  /** Consumer group purposes: a test's fresh schema reads each topic from the start under its own groups. */
  enrolmentPurpose?: string;
  prescriptionPurpose?: string;
  devicePurpose?: string;
  patientsPurpose?: string;
  /** The AMO submission's retries (a test's are short). */
  submissionRetry?: SubmissionRetryPolicy;
  /** A tariff table instead of TARIFFS_FILE's (a test's own versions). */
  tariffs?: TariffTable;
}

/**
 * Bills the Assurance Maladie for remote monitoring, month by month: local
 * facts of enrolments, prescriptions and devices; billing runs (scheduled and
 * an admin's); validation; submission to the AMO; adjudication by claims
 * processors; payment in remittances per payee; corrections and credits.
 */
@Module({})
export class ClaimsModule {
  static forRoot({ enrolmentPurpose, prescriptionPurpose, devicePurpose, patientsPurpose, submissionRetry, tariffs, ...overrides }: ClaimsOverrides = {}): DynamicModule {
    const nodeEnv = overrides.config?.NODE_ENV ?? process.env.NODE_ENV;
    const config = overrides.config ?? (() => loadClaimsConfig(process.env, { defaultPort: CLAIMS.defaultPort }));
    return {
      module: ClaimsModule,
      imports: [ServiceKitModule.forRoot({ ...CLAIMS, migrations, eventSourced: true, auditDisclosures: true, jobs: CLAIMS_JOBS, fhir: [CLAIM_CAPABILITY, CLAIM_RESPONSE_CAPABILITY], ...overrides, config })],
      controllers: [
        StartBillingRunHttpController,
        AdjudicateClaimHttpController,
        CancelClaimHttpController,
        ContestClaimHttpController,
        ResubmitClaimHttpController,
        ReasonCodesHttpController,
        ListClaimsHttpController,
        GetClaimHttpController,
        ClaimHistoryHttpController,
        GetBillingRunHttpController,
        ListTariffsHttpController,
        ListFileActiveHttpController,
        ListRemittancesHttpController,
        GetRemittanceHttpController,
        ExportPatientDataHttpController,
        ClaimHttpController,
        ClaimResponseHttpController,
        ...amoClaimsSimulatorControllers(nodeEnv),
      ],
      providers: [
        { provide: ENROLMENT_CONSUMER_PURPOSE, useValue: enrolmentPurpose ?? 'enrolments' },
        { provide: PRESCRIPTION_CONSUMER_PURPOSE, useValue: prescriptionPurpose ?? 'prescriptions' },
        { provide: DEVICE_CONSUMER_PURPOSE, useValue: devicePurpose ?? 'device-certifications' },
        { provide: PATIENTS_CONSUMER_PURPOSE, useValue: patientsPurpose ?? 'patient-erasures' },
        EnrolmentConsumer,
        PrescriptionConsumer,
        DeviceCertificationConsumer,
        PatientsConsumer,
        PatientErasures,
        ...claimsSettingsProviders(submissionRetry),
        tariffTableProvider(tariffs),
        ...amoClaimsProviders(nodeEnv),
        EnrolmentFactsRepository,
        EnrolmentTimelineRepository,
        EnrolmentIncidentsRepository,
        PrescriptionFactsRepository,
        DeviceFactsRepository,
        DeviceCertificationFactsRepository,
        ClaimsRepository,
        ClaimKeysRepository,
        BillingRunsRepository,
        BillingRunItemsRepository,
        BillingRunCorrectionsRepository,
        FileActiveRepository,
        RemittancesRepository,
        PaymentLockRepository,
        ClaimReadModel,
        ClaimViews,
        ClaimSealing,
        ClaimAggregate,
        ClaimSteps,
        ClaimStreams,
        StartBillingRunHandler,
        AdjudicateClaimHandler,
        CancelClaimHandler,
        ContestClaimHandler,
        ResubmitClaimHandler,
        ReasonCodesHandler,
        ListClaimsHandler,
        GetClaimHandler,
        ClaimHistoryHandler,
        GetBillingRunHandler,
        ListTariffsHandler,
        ListFileActiveHandler,
        ListRemittancesHandler,
        GetRemittanceHandler,
        ExportPatientDataHandler,
        ReadClaimHandler,
        SearchClaimHandler,
        ReadClaimResponseHandler,
        SearchClaimResponseHandler,
        BillingRuns,
        FileActiveOfRun,
        ClaimIssuer,
        PeriodBilling,
        ClaimCorrections,
        BillingRunJob,
        BillingScheduler,
        Submissions,
        SubmissionJob,
        SubmissionSweep,
        Payments,
        PaymentJob,
      ],
    };
  }
}
