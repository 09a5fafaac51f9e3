import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { DomainError } from '@app/contracts';
import { Type } from 'class-transformer';
import { IsArray, IsString, MinLength, ValidateNested } from 'class-validator';
import { toListResponse } from '../http/list-response';
import { PageQueryDto } from '../http/page-query.dto';
import { currentCorrelationId } from '../observability/correlation-id';
import { IsNir, IsRpps, IsSiret } from '@app/fr-health';

export class OverrideRequestDto {
  @IsString() ruleId!: string;
  @IsString() @MinLength(20) justification!: string;
}

export class CreateThingRequestDto {
  @IsString() name!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => OverrideRequestDto) overrides!: OverrideRequestDto[];
}

/** French identifiers as DTOs check them: a bad one is a 400 naming its field. */
export class IdentifiersRequestDto {
  @IsNir() nir!: string;
  @IsSiret() siret!: string;
  @IsRpps() rpps!: string;
}

/** Counts how often each handler really ran, and can hold one open to test concurrency. */
export class HandlerProbe {
  static calls = 0;
  static gate?: Promise<void>;
  static entered?: () => void;

  static reset(): void {
    HandlerProbe.calls = 0;
    HandlerProbe.gate = undefined;
    HandlerProbe.entered = undefined;
  }
}

@Controller('v1/things')
export class ThingsTestController {
  @Post()
  async create(@Body() body: CreateThingRequestDto) {
    HandlerProbe.calls++;
    HandlerProbe.entered?.();
    await HandlerProbe.gate;
    return { id: `thing-${HandlerProbe.calls}`, name: body.name, status: 'DRAFT', version: 1 };
  }

  @Post('identifiers')
  @HttpCode(200)
  identifiers(@Body() body: IdentifiersRequestDto) {
    HandlerProbe.calls++;
    return { siret: body.siret };
  }

  @Post(':id/refusal')
  @HttpCode(200)
  refuse(@Param('id') id: string) {
    HandlerProbe.calls++;
    throw new DomainError('THING.REFUSED', `thing ${id} may not be refused now`, 'rule', [], { attemptId: 'attempt-1' });
  }

  @Post(':id/crash')
  crash() {
    HandlerProbe.calls++;
    throw new Error('internal detail: password=hunter2');
  }

  @Get()
  list(@Query() query: PageQueryDto) {
    return toListResponse([{ correlationId: currentCorrelationId() }], 1, query.page, query.pageSize);
  }
}
