import { RequestMethod } from '@nestjs/common';

/**
 * `GET /v1/liability/prescriptions/:id`: composed by the gateway (the
 * ledger's dossier, then the disclosures of the services that keep its
 * entries' texts) instead of proxied, so the proxy middleware leaves it.
 */
export const DOSSIER_ROUTE = { path: 'v1/liability/prescriptions/:id', method: RequestMethod.GET } as const;
