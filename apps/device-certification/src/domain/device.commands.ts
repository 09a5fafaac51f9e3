import type { DeviceProductData, IndicationCode } from './device-product';

/**
 * Commands carry everything the decision needs, including the time and the
 * caller's organisation, so the decider never reads a clock or a token.
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
      notes?: string;
    })
  | (Base & { type: 'RejectDevice'; reasons: string[] })
  | (Base & { type: 'RecertifyDevice'; validUntil: string; certifiedIndications?: IndicationCode[]; notes?: string })
  | (Base & { type: 'SuspendDevice'; reason: string })
  | (Base & { type: 'ReinstateDevice'; reason: string })
  | (Base & { type: 'RevokeDevice'; reason: string })
  | (Base & { type: 'ExpireCertification' });
