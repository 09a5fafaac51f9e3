import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { REASON_CODES } from '../../domain/reason-codes';
import { ReasonCodesQuery, type ReasonCodeItem } from './reason-codes.query';

/** The reason codes a rejection (of a claim or a line) must use. */
@QueryHandler(ReasonCodesQuery)
export class ReasonCodesHandler implements IQueryHandler<ReasonCodesQuery, { items: ReasonCodeItem[] }> {
  async execute(): Promise<{ items: ReasonCodeItem[] }> {
    return { items: REASON_CODES.map(({ code, label }) => ({ code, label })) };
  }
}
