import { PatientErasures, ServiceKitModule, type ServiceIdentity, type ServiceOverrides } from '@app/service-kit';
import { type DynamicModule, Module } from '@nestjs/common';
import { ActivateEnrolmentHandler } from './commands/activate-enrolment/activate-enrolment.handler';
import { ActivateEnrolmentHttpController } from './commands/activate-enrolment/activate-enrolment.http.controller';
import { AssignDeviceHandler } from './commands/assign-device/assign-device.handler';
import { AssignDeviceHttpController } from './commands/assign-device/assign-device.http.controller';
import { CertificationOf } from './commands/certification-of';
import { CreateEnrolmentReaction } from './commands/create-enrolment/create-enrolment.reaction';
import { EndEnrolmentHandler } from './commands/end-enrolment/end-enrolment.handler';
import { EndEnrolmentHttpController } from './commands/end-enrolment/end-enrolment.http.controller';
import { EndWithPrescriptionReaction } from './commands/end-with-prescription/end-with-prescription.reaction';
import { EnrolmentSteps } from './commands/enrolment-steps';
import { EnrolmentAggregate } from './commands/enrolment.aggregate';
import { ExtendEnrolmentReaction } from './commands/extend-enrolment/extend-enrolment.reaction';
import { MonitoringStop } from './commands/monitoring-stop';
import { ReactToDeviceReaction } from './commands/react-to-device/react-to-device.reaction';
import { RecordConsentHandler } from './commands/record-consent/record-consent.handler';
import { RecordConsentHttpController } from './commands/record-consent/record-consent.http.controller';
import { RecordIncidentHandler } from './commands/record-incident/record-incident.handler';
import { RecordIncidentHttpController } from './commands/record-incident/record-incident.http.controller';
import { ReportTransmissionsHandler } from './commands/report-transmissions/report-transmissions.handler';
import { ReportTransmissionsHttpController } from './commands/report-transmissions/report-transmissions.http.controller';
import { RequestRightsCheckHandler } from './commands/request-rights-check/request-rights-check.handler';
import { RequestRightsCheckHttpController } from './commands/request-rights-check/request-rights-check.http.controller';
import { ResumeEnrolmentHandler } from './commands/resume-enrolment/resume-enrolment.handler';
import { ResumeEnrolmentHttpController } from './commands/resume-enrolment/resume-enrolment.http.controller';
import { SilenceIncidents } from './commands/silence-incidents';
import { SuspendEnrolmentHandler } from './commands/suspend-enrolment/suspend-enrolment.handler';
import { SuspendEnrolmentHttpController } from './commands/suspend-enrolment/suspend-enrolment.http.controller';
import { UpdateIncidentHandler } from './commands/update-incident/update-incident.handler';
import { UpdateIncidentHttpController } from './commands/update-incident/update-incident.http.controller';
import { WithdrawConsentHandler } from './commands/withdraw-consent/withdraw-consent.handler';
import { WithdrawConsentHttpController } from './commands/withdraw-consent/withdraw-consent.http.controller';
import { loadEnrolmentConfig } from './enrolment.config';
import { enrolmentSettingsProviders } from './enrolment.settings';
import { CONSENT_CAPABILITY } from './fhir/consent/consent.capability';
import { ConsentHttpController } from './fhir/consent/consent.http.controller';
import { ReadConsentHandler } from './fhir/consent/read-consent.handler';
import { SearchConsentHandler } from './fhir/consent/search-consent.handler';
import { COVERAGE_CAPABILITY } from './fhir/coverage/coverage.capability';
import { CoverageHttpController } from './fhir/coverage/coverage.http.controller';
import { ReadCoverageHandler } from './fhir/coverage/read-coverage.handler';
import { SearchCoverageHandler } from './fhir/coverage/search-coverage.handler';
import { DEVICE_CAPABILITY } from './fhir/device/device.capability';
import { DeviceHttpController } from './fhir/device/device.http.controller';
import { ReadDeviceHandler } from './fhir/device/read-device.handler';
import { SearchDeviceHandler } from './fhir/device/search-device.handler';
import { EnrolmentEndSweep } from './jobs/enrolment-end.sweep';
import { ENROLMENT_JOBS } from './jobs/enrolment.jobs';
import { ObservanceSweep } from './jobs/observance.sweep';
import type { RightsRetryPolicy } from './jobs/rights-check.queue';
import { RightsCheckJob } from './jobs/rights-check.job';
import { RightsChecks } from './jobs/rights-checks';
import { RightsSweep } from './jobs/rights.sweep';
import { SilenceSweep } from './jobs/silence.sweep';
import { DEVICE_CONSUMER_PURPOSE, DeviceCertificationConsumer } from './messaging/device-certification.consumer';
import { PATIENTS_CONSUMER_PURPOSE, PatientsConsumer } from './messaging/patients.consumer';
import { PRESCRIPTION_CONSUMER_PURPOSE, PrescriptionConsumer } from './messaging/prescription.consumer';
import { migrations } from './migrations';
import { EnrolmentSealing } from './personal-data/enrolment-sealing';
import { AwaitingRenewalsRepository } from './projections/awaiting-renewals.repository';
import { ConsentsRepository } from './projections/consents.repository';
import { DeviceCertificationsRepository } from './projections/device-certifications.repository';
import { DeviceSerialsRepository } from './projections/device-serials.repository';
import { EnrolmentPrescriptionsRepository } from './projections/enrolment-prescriptions.repository';
import { EnrolmentDevicesRepository } from './projections/enrolment-devices.repository';
import { EnrolmentReadModel } from './projections/enrolment-read-model.projection';
import { EnrolmentViews } from './projections/enrolment-views';
import { EnrolmentsRepository } from './projections/enrolments.repository';
import { EnrolmentHistoryHandler } from './queries/enrolment-history/enrolment-history.handler';
import { EnrolmentHistoryHttpController } from './queries/enrolment-history/enrolment-history.http.controller';
import { ExportPatientDataHandler } from './queries/export-patient-data/export-patient-data.handler';
import { ExportPatientDataHttpController } from './queries/export-patient-data/export-patient-data.http.controller';
import { GetEnrolmentHandler } from './queries/get-enrolment/get-enrolment.handler';
import { GetEnrolmentHttpController } from './queries/get-enrolment/get-enrolment.http.controller';
import { ListEnrolmentsHandler } from './queries/list-enrolments/list-enrolments.handler';
import { ListEnrolmentsHttpController } from './queries/list-enrolments/list-enrolments.http.controller';
import { SilencesRepository } from './transmissions/silences.repository';
import { SweepCandidatesRepository } from './transmissions/sweep-candidates.repository';
import { TransmissionDaysRepository } from './transmissions/transmission-days.repository';
import { TransmissionMarksRepository } from './transmissions/transmission-marks.repository';
import { TransmissionSummaryRepository } from './transmissions/transmission-summary.repository';
import { amoRightsProviders, amoRightsSimulatorControllers } from './rights/amo-rights.providers';

/** The FHIR views the service serves (services.json routes these types to it). */
export const ENROLMENT_FHIR_CAPABILITIES = [DEVICE_CAPABILITY, CONSENT_CAPABILITY, COVERAGE_CAPABILITY];

/** The service as the platform knows it (services.json names it, its port and its schema alike). */
export const ENROLMENT: ServiceIdentity = { name: 'enrolment', defaultPort: 3003, schema: 'enrolment', patientKeys: 'holder' };

export interface EnrolmentOverrides extends ServiceOverrides {
  /** Consumer group purposes: a test's fresh schema reads each topic from the start under its own groups. */
  prescriptionPurpose?: string;
  devicePurpose?: string;
  patientsPurpose?: string;
  /** The AMO rights check's retries (a test's are short). */
  rightsRetry?: RightsRetryPolicy;
}

/**
 * Turns a prescription into monitoring that can be billed: consent, the
 * patient's rights, the device, activation, suspensions, the end, and the
 * connectivity of the device (transmissions, incidents, observance).
 */
@Module({})
export class EnrolmentModule {
  static forRoot({ prescriptionPurpose, devicePurpose, patientsPurpose, rightsRetry, ...overrides }: EnrolmentOverrides = {}): DynamicModule {
    const nodeEnv = overrides.config?.NODE_ENV ?? process.env.NODE_ENV;
    const config = overrides.config ?? (() => loadEnrolmentConfig(process.env, { defaultPort: ENROLMENT.defaultPort }));
    return {
      module: EnrolmentModule,
      imports: [
        ServiceKitModule.forRoot({ ...ENROLMENT, migrations, eventSourced: true, auditDisclosures: true, jobs: ENROLMENT_JOBS, fhir: ENROLMENT_FHIR_CAPABILITIES, ...overrides, config }),
      ],
      controllers: [
        RecordConsentHttpController,
        WithdrawConsentHttpController,
        RequestRightsCheckHttpController,
        AssignDeviceHttpController,
        ActivateEnrolmentHttpController,
        SuspendEnrolmentHttpController,
        ResumeEnrolmentHttpController,
        EndEnrolmentHttpController,
        RecordIncidentHttpController,
        UpdateIncidentHttpController,
        ReportTransmissionsHttpController,
        ListEnrolmentsHttpController,
        GetEnrolmentHttpController,
        EnrolmentHistoryHttpController,
        ExportPatientDataHttpController,
        DeviceHttpController,
        ConsentHttpController,
        CoverageHttpController,
        ...amoRightsSimulatorControllers(nodeEnv),
      ],
      providers: [
        { provide: PRESCRIPTION_CONSUMER_PURPOSE, useValue: prescriptionPurpose ?? 'prescriptions' },
        { provide: DEVICE_CONSUMER_PURPOSE, useValue: devicePurpose ?? 'device-certifications' },
        { provide: PATIENTS_CONSUMER_PURPOSE, useValue: patientsPurpose ?? 'patient-erasures' },
        PrescriptionConsumer,
        DeviceCertificationConsumer,
        PatientsConsumer,
        PatientErasures,
        ...enrolmentSettingsProviders(rightsRetry),
        ...amoRightsProviders(nodeEnv),
        EnrolmentsRepository,
        EnrolmentPrescriptionsRepository,
        AwaitingRenewalsRepository,
        ConsentsRepository,
        DeviceSerialsRepository,
        EnrolmentDevicesRepository,
        DeviceCertificationsRepository,
        TransmissionMarksRepository,
        TransmissionDaysRepository,
        SilencesRepository,
        TransmissionSummaryRepository,
        SweepCandidatesRepository,
        EnrolmentReadModel,
        EnrolmentViews,
        EnrolmentAggregate,
        EnrolmentSteps,
        MonitoringStop,
        SilenceIncidents,
        EnrolmentSealing,
        CertificationOf,
        CreateEnrolmentReaction,
        ExtendEnrolmentReaction,
        EndWithPrescriptionReaction,
        ReactToDeviceReaction,
        RecordConsentHandler,
        WithdrawConsentHandler,
        RequestRightsCheckHandler,
        AssignDeviceHandler,
        ActivateEnrolmentHandler,
        SuspendEnrolmentHandler,
        ResumeEnrolmentHandler,
        EndEnrolmentHandler,
        RecordIncidentHandler,
        UpdateIncidentHandler,
        ReportTransmissionsHandler,
        GetEnrolmentHandler,
        ListEnrolmentsHandler,
        EnrolmentHistoryHandler,
        ExportPatientDataHandler,
        SearchDeviceHandler,
        ReadDeviceHandler,
        SearchConsentHandler,
        ReadConsentHandler,
        SearchCoverageHandler,
        ReadCoverageHandler,
        RightsChecks,
        RightsCheckJob,
        RightsSweep,
        EnrolmentEndSweep,
        SilenceSweep,
        ObservanceSweep,
      ],
    };
  }
}
