import { PageQueryDto } from '@app/service-kit';

/** `GET /v1/webhooks?page=&pageSize=`. */
export class ListWebhooksRequestDto extends PageQueryDto {}
