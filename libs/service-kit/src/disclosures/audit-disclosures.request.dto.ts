import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

/** At most this many entries per request: a dossier's entries of one service, asked for in pages. */
export const MAX_DISCLOSURE_ENTRIES = 1000;

/** `{ entryIds: [uuid, ...] }`: the audit entries (of this service) whose texts the caller asks for. */
export class AuditDisclosuresRequestDto {
  @ApiProperty({ type: [String], maxItems: MAX_DISCLOSURE_ENTRIES })
  @IsArray()
  @ArrayMaxSize(MAX_DISCLOSURE_ENTRIES)
  @IsUUID('all', { each: true })
  entryIds!: string[];
}
