import { PageQueryDto } from '@app/service-kit';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** A resource by its UUID, or a patient by their pseudonym (API.md: every entry about a patient names `patient:<pseudonym>`). */
const SUBJECT = /^(?:(?:device|prescription|attempt|enrolment|claim|notification|webhook):[0-9a-fA-F-]{36}|patient:[0-9a-f]{64})$/;

/** `GET /v1/ledger/entries?subject=`: the entries whose subject or related subjects name it. */
export class ListLedgerEntriesRequestDto extends PageQueryDto {
  @ApiProperty({ example: 'prescription:0190c0de-0000-7000-8000-000000000001' })
  @Matches(SUBJECT, { message: 'subject must be <device|prescription|attempt|enrolment|claim|notification|webhook>:<uuid> or patient:<pseudonym>' })
  subject!: string;
}
