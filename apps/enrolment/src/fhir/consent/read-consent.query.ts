import type { Consent } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { EnrolmentViewer } from '../../domain/enrolment-visibility';

export class ReadConsentQuery extends Query<Consent> {
  constructor(
    readonly id: string,
    readonly viewer: EnrolmentViewer,
  ) {
    super();
  }
}
