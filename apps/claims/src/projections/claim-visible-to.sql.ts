import type { ClaimViewer } from '../domain/claim-visibility';

/** What the rule reads of a viewer: its role and the claim that ties it to claims. */
type ViewerClaims = { role: string; org?: string; rpps?: string };

/**
 * The visibility rule of domain/claim-visibility.ts (`claimVisibleTo`) as SQL
 * over the `claims` table: `$n` is what ties the viewer to claims (their
 * RPPS or org); claims processors and admins see every claim, a physician
 * those of their prescriptions, an operator those its OPERATOR line pays, a
 * vendor those its TECHNICAL line pays (the exploitant); anyone else nothing.
 */
export function claimVisibleTo(viewer: ClaimViewer, n: number): { sql: string; param: string | null } {
  const { role, org, rpps } = viewer as ViewerClaims;
  switch (role) {
    case 'system':
    case 'claims_processor':
    case 'admin':
      return { sql: `($${n}::text IS NULL)`, param: null };
    case 'physician':
      return { sql: `$${n}::text = ANY(prescriber_rpps)`, param: rpps ?? null };
    case 'operator':
      return { sql: `operator_payee = $${n}::text`, param: org ?? null };
    case 'vendor':
      return { sql: `technical_payee = $${n}::text`, param: org ?? null };
    default:
      return { sql: `($${n}::text IS NOT NULL AND false)`, param: null };
  }
}

/** The same rule over `remittances`: claims processors and admins see all, a payee org its own. */
export function remittanceVisibleTo(viewer: ClaimViewer, n: number): { sql: string; param: string | null } {
  const { role, org } = viewer as ViewerClaims;
  switch (role) {
    case 'system':
    case 'claims_processor':
    case 'admin':
      return { sql: `($${n}::text IS NULL)`, param: null };
    case 'operator':
    case 'vendor':
      return { sql: `payee = $${n}::text`, param: org ?? null };
    default:
      return { sql: `($${n}::text IS NOT NULL AND false)`, param: null };
  }
}
