import type { ConsoleRole } from '../auth/claims';
import { auditorConsole } from './auditor/auditor.console';
import { claimsProcessorConsole } from './claims-processor/claims-processor.console';
import { evaluatorConsole } from './evaluator/evaluator.console';
import { operatorConsole } from './operator/operator.console';
import { physicianConsole } from './physician/physician.console';
import type { RoleConsole } from './role-console';
import { vendorConsole } from './vendor/vendor.console';

/** Each role's console: one bounded piece of work per role, in its own folder. */
export const ROLE_CONSOLES: Record<ConsoleRole, RoleConsole> = {
  vendor: vendorConsole,
  evaluator: evaluatorConsole,
  physician: physicianConsole,
  operator: operatorConsole,
  claims_processor: claimsProcessorConsole,
  auditor: auditorConsole,
};
