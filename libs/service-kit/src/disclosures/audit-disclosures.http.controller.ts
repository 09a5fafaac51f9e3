import { CurrentPrincipal, type Principal } from '@app/auth';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuditDisclosureReader } from './audit-disclosure.reader';
import { AuditDisclosuresRequestDto } from './audit-disclosures.request.dto';
import type { OpenedDisclosure } from './open-disclosures';

/** Where services.json's `disclosures` points for a service that mounts it (`auditDisclosures: true`). */
export const AUDIT_DISCLOSURES_PATH = '/internal/audit-disclosures';

/**
 * `POST /internal/audit-disclosures` `{ entryIds }` -> `{ items: [{ entryId,
 * path, text, salt } | { entryId, path, text: "erased", erased: true }] }`:
 * the texts of these entries the caller may read (auditors every one, a
 * physician those whose readers name them or every physician; any other role
 * 403). Internal: the gateway calls it to add a dossier's disclosures, with
 * the caller's token; it is not an API.md route, nor in the public OpenAPI
 * document. A read, though a POST (a thousand ids do not fit a URL): 200.
 */
@ApiExcludeController()
@Controller(AUDIT_DISCLOSURES_PATH.slice(1))
export class AuditDisclosuresHttpController {
  constructor(private readonly reader: AuditDisclosureReader) {}

  @Post()
  @HttpCode(200)
  async disclose(@Body() { entryIds }: AuditDisclosuresRequestDto, @CurrentPrincipal() caller: Principal): Promise<{ items: OpenedDisclosure[] }> {
    return { items: await this.reader.read(caller, entryIds) };
  }
}
