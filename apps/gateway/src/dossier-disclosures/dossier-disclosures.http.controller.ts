import { DomainError, ERROR_CODES } from '@app/contracts';
import { clientCorrelationIdOf, correlationIdFor } from '@app/service-kit';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { dependencyUnavailable, fetchFailure } from './dependency-unavailable';
import { DOSSIER_DISCLOSURE_OPTIONS, DossierDisclosuresComposer, type DossierDisclosureOptions } from './dossier-disclosures.composer';
import type { DossierEntries } from './dossier-disclosures.plan';
import { DOSSIER_ROUTE } from './dossier-route';

/**
 * `GET /v1/liability/prescriptions/:id`, composed: the ledger's dossier as
 * the proxy would give it (any answer but a 200 passes through unchanged),
 * then, for a 200, the `disclosures` of the services that keep the texts of
 * its entries (API.md "Audit ledger"). The token was checked by the guard;
 * who may read the dossier is the ledger's decision, who may read each text
 * each service's.
 */
@ApiExcludeController()
@Controller()
export class DossierDisclosuresHttpController {
  constructor(
    private readonly composer: DossierDisclosuresComposer,
    @Inject(DOSSIER_DISCLOSURE_OPTIONS) private readonly options: DossierDisclosureOptions,
  ) {}

  @Get(DOSSIER_ROUTE.path)
  async dossier(@Req() req: Request, @Res() res: Response): Promise<void> {
    const { ledger } = this.options;
    if (!ledger) throw new DomainError(ERROR_CODES.notFound, `No service serves ${req.path}`, 'not_found');
    const headers: Record<string, string> = { 'x-correlation-id': correlationIdFor(req, res) };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    const clientId = clientCorrelationIdOf(req);
    if (clientId) headers['x-client-correlation-id'] = clientId;
    let answer: globalThis.Response;
    try {
      answer = await fetch(`${ledger.url}${req.originalUrl}`, { headers, signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch (error) {
      throw dependencyUnavailable(ledger.service, fetchFailure(error));
    }
    const body = await answer.text();
    if (answer.status !== 200) {
      res.status(answer.status).type(answer.headers.get('content-type') ?? 'application/json').send(body);
      return;
    }
    const dossier = parseDossier(body);
    if (!dossier) throw dependencyUnavailable(ledger.service, 'its dossier is malformed');
    const disclosures = await this.composer.disclosuresOf(dossier, headers);
    res.status(200).json({ ...dossier, disclosures });
  }
}

function parseDossier(body: string): (DossierEntries & Record<string, unknown>) | null {
  try {
    const dossier = JSON.parse(body) as DossierEntries & Record<string, unknown>;
    const wellFormed = Array.isArray(dossier?.entries) && dossier.entries.every((item) => typeof item?.entry?.id === 'string' && Number.isSafeInteger(item.index));
    return wellFormed ? dossier : null;
  } catch {
    return null;
  }
}
