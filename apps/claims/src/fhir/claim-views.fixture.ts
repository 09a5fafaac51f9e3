import type { SealedTextV1 } from '@app/contracts';
import type { ClaimCommand } from '../domain/claim.commands';
import { claimDecider } from '../domain/claim.decider';
import { NOW } from '../domain/claim.fixtures';
import type { ClaimView, RejectionView, StoredClaimView } from '../projections/claim-view';
import { evolveClaimView } from '../projections/claim-view-evolve';

/*
 * Claim views as the FHIR mappings receive them, made the way the service
 * makes them: each command decided by the Claim decider, each event folded
 * by the read model's own evolve, one minute apart; then the notes opened as
 * ClaimViews would (the fixtures' stand-in seal holds the text). Pure: no clock, no I/O.
 */

const openText = (sealed: SealedTextV1): string => sealed.ciphertext.replace(/^ciphertext of /, '');

const openRejection = ({ note, ...rest }: RejectionView<SealedTextV1>): RejectionView<string> => (note ? { ...rest, note: openText(note) } : rest);

/** The stored view with its texts opened (ClaimViews.complete's work, without the keyring). */
export function opened(stored: StoredClaimView): ClaimView {
  const { rejection, contest, cancellation, ...rest } = stored;
  const view: ClaimView = { ...rest };
  if (rejection) view.rejection = openRejection(rejection);
  if (contest) view.contest = { note: openText(contest.note), contestedAt: contest.contestedAt, rejection: openRejection(contest.rejection) };
  if (cancellation) {
    const { reason, ...fields } = cancellation;
    view.cancellation = reason ? { ...fields, reason: openText(reason) } : fields;
  }
  return view;
}

/** The claim after these commands (the first a CreateClaim), the n-th decided at NOW + n minutes. */
export function claimViewAfter(...commands: ClaimCommand[]): ClaimView {
  let state = claimDecider.initialState();
  let view: StoredClaimView | null = null;
  let version = 0;
  commands.forEach((command, step) => {
    const now = new Date(NOW.getTime() + step * 60_000);
    for (const event of claimDecider.decide({ ...command, now } as ClaimCommand, state)) {
      state = claimDecider.evolve(state, event);
      version += 1;
      view = evolveClaimView(view, event, version, now.toISOString());
    }
  });
  if (!view) throw new Error('no command made the claim');
  return opened(view);
}
