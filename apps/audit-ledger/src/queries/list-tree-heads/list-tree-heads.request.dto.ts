import { PageQueryDto } from '@app/service-kit';

/** `GET /v1/ledger/tree-heads?page=&pageSize=`, newest first. */
export class ListTreeHeadsRequestDto extends PageQueryDto {}
