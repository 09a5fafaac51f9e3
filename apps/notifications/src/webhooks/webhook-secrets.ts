import { SERVICE_TEXT_SEALER, type ServiceTextSealer } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';

/** Where a webhook's secret is bound: its ciphertext opens under this webhook and field only. */
export const webhookSecretAad = (webhookId: string): string => `webhook:${webhookId}#secret`;

/**
 * A webhook's secret under the service's own text key (TEXT_ENCRYPTION_KEY):
 * sealed when registered, only the ciphertext kept; opened only to sign a
 * delivery, never logged, never answered.
 */
@Injectable()
export class WebhookSecrets {
  constructor(@Inject(SERVICE_TEXT_SEALER) private readonly sealer: ServiceTextSealer) {}

  seal(webhookId: string, secret: string): string {
    return this.sealer.sealText(secret, webhookSecretAad(webhookId)).ciphertext;
  }

  open(webhookId: string, secretSealed: string): string {
    return this.sealer.openText({ ciphertext: secretSealed }, webhookSecretAad(webhookId)).text;
  }
}
