import type { DisclosureV1 } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { dependencyUnavailable, fetchFailure } from './dependency-unavailable';
import {
  disclosureRequests,
  dossierDisclosures,
  isServiceDisclosure,
  type DisclosingService,
  type DisclosureRequest,
  type DossierEntries,
  type ServiceDisclosure,
} from './dossier-disclosures.plan';

export const DOSSIER_DISCLOSURE_OPTIONS = Symbol('DOSSIER_DISCLOSURE_OPTIONS');

export interface DossierDisclosureOptions {
  /** The URL of the service serving `/v1/liability` (the ledger), null when none does. */
  ledger: { service: string; url: string } | null;
  /** The services of services.json that declare `disclosures`. */
  services: DisclosingService[];
  timeoutMs: number;
}

/**
 * Asks each service that wrote entries of the dossier, and keeps their
 * texts, for the disclosures of those entries, with the caller's token (each
 * service decides what this caller may read) and the request's correlation
 * id. All or nothing: a service that fails makes the dossier a 503 naming
 * it, never a dossier silently missing disclosures.
 */
@Injectable()
export class DossierDisclosuresComposer {
  constructor(@Inject(DOSSIER_DISCLOSURE_OPTIONS) private readonly options: DossierDisclosureOptions) {}

  async disclosuresOf(dossier: DossierEntries, headers: Record<string, string>): Promise<DisclosureV1[]> {
    const requests = disclosureRequests(dossier, this.options.services);
    const answers = await Promise.all(requests.map(async (request) => ({ request, items: await this.ask(request, headers) })));
    return dossierDisclosures(dossier, answers);
  }

  private async ask({ service, entryIds }: DisclosureRequest, headers: Record<string, string>): Promise<ServiceDisclosure[]> {
    let response: Response;
    try {
      response = await fetch(`${service.url}${service.path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ entryIds }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw dependencyUnavailable(service.name, fetchFailure(error));
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw dependencyUnavailable(service.name, `its disclosures answered HTTP ${response.status}`);
    }
    const body = (await response.json().catch(() => null)) as { items?: unknown } | null;
    if (!Array.isArray(body?.items) || !body.items.every(isServiceDisclosure)) {
      throw dependencyUnavailable(service.name, 'its disclosures answer is malformed');
    }
    return body.items;
  }
}
