import { type DynamicModule, Module } from '@nestjs/common';
import type { ProxyTargets } from '../proxy/proxy-decision';
import { resolveRoute, type ServiceEntry } from '../registry';
import { DOSSIER_DISCLOSURE_OPTIONS, DossierDisclosuresComposer, type DossierDisclosureOptions } from './dossier-disclosures.composer';
import { DossierDisclosuresHttpController } from './dossier-disclosures.http.controller';

/**
 * The dossier with its disclosures (the gateway's composition of
 * `GET /v1/liability/prescriptions/:id`): the ledger is whichever service
 * serves `/v1/liability`, and the disclosing services those of services.json
 * with a `disclosures` path.
 */
@Module({})
export class DossierDisclosuresModule {
  static forRoot(targets: ProxyTargets, services: readonly ServiceEntry[], timeoutMs: number): DynamicModule {
    const route = resolveRoute(targets.routes, '/v1/liability/prescriptions');
    const options: DossierDisclosureOptions = {
      ledger: route ? { service: route.service, url: route.target } : null,
      services: services.flatMap((service) => {
        const url = targets.services.get(service.name);
        return service.disclosures && url ? [{ name: service.name, url, path: service.disclosures }] : [];
      }),
      timeoutMs,
    };
    return {
      module: DossierDisclosuresModule,
      controllers: [DossierDisclosuresHttpController],
      providers: [{ provide: DOSSIER_DISCLOSURE_OPTIONS, useValue: options }, DossierDisclosuresComposer],
    };
  }
}
