import { PageQueryDto } from '@app/service-kit';

/** `GET /v1/webhooks/:id/deliveries?page=&pageSize=`. */
export class ListWebhookDeliveriesRequestDto extends PageQueryDto {}
