import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { SERVICE_REGISTRY } from '../gateway.tokens';
import type { ServiceEntry } from '../registry';
import { docsIndex, DocsIndexEntry, renderDocsIndex } from './docs-index';

/** `/docs`: where every service's OpenAPI document is, for people and for tools. */
@Public()
@ApiExcludeController()
@Controller('docs')
export class DocsIndexHttpController {
  private readonly entries: DocsIndexEntry[];
  private readonly html: string;

  constructor(@Inject(SERVICE_REGISTRY) services: ServiceEntry[]) {
    this.entries = docsIndex(services);
    this.html = renderDocsIndex(this.entries);
  }

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return this.html;
  }

  @Get('services.json')
  services(): { services: DocsIndexEntry[] } {
    return { services: this.entries };
  }
}
