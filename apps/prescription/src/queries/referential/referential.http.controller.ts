import { Controller, Get, Param } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@app/service-kit';
import { parisDate } from '../../domain/prescription-dates';
import { PrescriptionErrors } from '../../domain/prescription.errors';
import { referentialByVersion, referentialInForce } from '../../domain/referential/referentials';
import type { Referential } from '../../domain/referential/referential.types';

/** The HAS referential as data: the version in force, or any past one (past prescriptions keep theirs). */
@ApiTags('referential')
@ApiBearerAuth()
@Controller('v1/referential')
export class ReferentialHttpController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Get()
  inForce(): Referential {
    return referentialInForce(parisDate(this.clock.now()));
  }

  @Get(':version')
  byVersion(@Param('version') version: string): Referential {
    const referential = referentialByVersion(version);
    if (!referential) throw PrescriptionErrors.referentialNotFound(version);
    return referential;
  }
}
