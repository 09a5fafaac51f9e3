import { CLAIM_SEALED_FIELDS, type SealedTextV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { ClaimSealing } from '../personal-data/claim-sealing';
import type { ClaimView, RejectionView, StoredClaimView } from './claim-view';

type SealedField = (typeof CLAIM_SEALED_FIELDS)[keyof typeof CLAIM_SEALED_FIELDS];

/**
 * A claim as it is answered: its stored representation with its free texts
 * (a rejection's note, a contest's note, a cancellation's reason) opened
 * under the patient's key, "erased" once the patient is.
 */
@Injectable()
export class ClaimViews {
  constructor(private readonly sealing: ClaimSealing) {}

  async complete(stored: StoredClaimView, _tx?: Transaction): Promise<ClaimView> {
    const open = (field: SealedField, sealed: SealedTextV1) => this.sealing.open(stored.patient.pseudonym, stored.id, field, sealed);
    const { rejection, contest, cancellation, ...rest } = stored;
    const openRejection = async (r: RejectionView<SealedTextV1>): Promise<RejectionView<string>> => {
      const { note, ...fields } = r;
      return note ? { ...fields, note: await open(CLAIM_SEALED_FIELDS.rejectionNote, note) } : fields;
    };
    const view: ClaimView = { ...rest };
    if (rejection) view.rejection = await openRejection(rejection);
    if (contest) {
      view.contest = {
        note: await open(CLAIM_SEALED_FIELDS.contestNote, contest.note),
        contestedAt: contest.contestedAt,
        rejection: await openRejection(contest.rejection),
      };
    }
    if (cancellation) {
      const { reason, ...fields } = cancellation;
      view.cancellation = reason ? { ...fields, reason: await open(CLAIM_SEALED_FIELDS.cancellationReason, reason) } : fields;
    }
    return view;
  }

  async completeAll(stored: StoredClaimView[], tx?: Transaction): Promise<ClaimView[]> {
    const views: ClaimView[] = [];
    for (const one of stored) views.push(await this.complete(one, tx));
    return views;
  }
}
