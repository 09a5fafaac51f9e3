/**
 * A refusal whose trace must outlive it (a prescription blocked by a rule is
 * audited): the transaction that recorded the trace commits, then the error is
 * thrown to the caller.
 */
export class Refusal {
  constructor(readonly error: Error) {}
}
