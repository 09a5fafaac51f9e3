import type { SealedTextV1 } from '@app/contracts';
import type { DeviceProductData, IndicationCode } from './device-product';

/**
 * Commands carry everything the decision needs, including the time and the
 * caller's organisation, so the decider never reads a clock or a token.
 * Free text comes in sealed (the handler sealed it, see device-texts.ts):
 * the decider only passes it on to the events.
 */
interface Base {
  now: Date;
  /** The caller's organisation (`org` claim), when its role has one. */
  actorOrg?: string;
}

export type DeviceCommand =
  | (Base & { type: 'RegisterDevice'; deviceId: string; product: DeviceProductData })
  | (Base & { type: 'UpdateDevice'; product: DeviceProductData })
  | (Base & { type: 'SubmitDevice' })
  | (Base & {
      type: 'CertifyDevice';
      validUntil: string;
      lppCode: string;
      certifiedIndications: IndicationCode[];
      notes?: SealedTextV1;
    })
  | (Base & { type: 'RejectDevice'; reasons: SealedTextV1[] })
  | (Base & { type: 'RecertifyDevice'; validUntil: string; certifiedIndications?: IndicationCode[]; notes?: SealedTextV1 })
  | (Base & { type: 'SuspendDevice'; reason: SealedTextV1 })
  | (Base & { type: 'ReinstateDevice'; reason: SealedTextV1 })
  | (Base & { type: 'RevokeDevice'; reason: SealedTextV1 })
  | (Base & { type: 'ExpireCertification' });
