import type { Coverage } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { EnrolmentViewer } from '../../domain/enrolment-visibility';

export class ReadCoverageQuery extends Query<Coverage> {
  constructor(
    readonly id: string,
    readonly viewer: EnrolmentViewer,
  ) {
    super();
  }
}
