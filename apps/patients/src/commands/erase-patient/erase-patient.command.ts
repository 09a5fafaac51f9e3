import type { ErasureLegalBasisV1 } from '@app/contracts';
import { UseCaseCommand } from '@app/event-sourcing';
import type { ErasureAnswer } from './erasure-answer';

export class ErasePatientCommand extends UseCaseCommand<
  { pseudonym: string; legalBasis: ErasureLegalBasisV1; note?: string },
  ErasureAnswer
> {}
