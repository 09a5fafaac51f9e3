/** Which dependencies `/health/ready` asks; brokers or URL may be overridden (tests point one at a closed port). */
export interface ReadinessOptions {
  postgres?: boolean;
  kafka?: boolean | { brokers: string[] };
  redis?: boolean | { url: string };
}

export const READINESS_OPTIONS = Symbol('READINESS_OPTIONS');
