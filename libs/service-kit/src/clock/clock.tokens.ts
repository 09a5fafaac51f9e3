/** Injection token of the platform `Clock`: `@Inject(CLOCK) clock: Clock`. */
export const CLOCK = Symbol('CLOCK');
