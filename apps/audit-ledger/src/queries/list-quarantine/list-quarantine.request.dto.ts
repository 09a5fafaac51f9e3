import { PageQueryDto } from '@app/service-kit';

/** `GET /v1/ledger/quarantine?page=&pageSize=`, newest first. */
export class ListQuarantineRequestDto extends PageQueryDto {}
