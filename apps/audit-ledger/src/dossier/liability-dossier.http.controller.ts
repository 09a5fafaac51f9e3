import type { LiabilityDossier } from '@app/audit';
import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { LiabilityDossierBuilder } from './liability-dossier.builder';

@ApiTags('liability')
@ApiBearerAuth()
@Controller('v1/liability/prescriptions')
export class LiabilityDossierHttpController {
  constructor(private readonly builder: LiabilityDossierBuilder) {}

  /** Auditors, and the prescriber of that prescription; everyone else 403. */
  @Get(':id')
  @Roles('auditor', 'physician')
  dossier(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<LiabilityDossier> {
    return this.builder.build(id, principal);
  }
}
