import { DomainError, type DomainErrorKind } from '@app/contracts';
import { type Decider, type DomainEvent, decideEvents, foldEvents } from '@app/event-sourcing/decider/decider';

type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * Decider specs read as specifications (Emmett's DeciderSpecification):
 *
 *   const given = deciderSpecification(deviceDecider);
 *   given([registered(), submitted]).when(certify()).thenMatches([{ type: 'DeviceCertified' }]);
 *   given([]).when(submit()).thenThrows('DEVICE.NOT_FOUND', 'not_found');
 *
 * Pure: the past events are folded with the decider's own evolve, no store.
 */
export function deciderSpecification<State, Command, Event extends DomainEvent>(decider: Decider<State, Command, Event>) {
  return (given: readonly Event[] = []) => ({
    when(command: Command) {
      const decide = (): Event[] => decideEvents(decider, command, foldEvents(decider, given));
      const refusal = (): DomainError => {
        let decided: Event[];
        try {
          decided = decide();
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          return error as DomainError;
        }
        throw new Error(`expected a refusal, but the command was accepted with ${JSON.stringify(decided.map((event) => event.type))}`);
      };
      return {
        /** Exactly these events, in order. */
        then: (expected: Event[]): void => expect(decide()).toEqual(expected),
        /** Events of these shapes, in order (fields not named are not compared). */
        thenMatches: (expected: Array<DeepPartial<Event>>): void => expect(decide()).toMatchObject(expected),
        /** The command is accepted and changes nothing. */
        thenNothing: (): void => expect(decide()).toEqual([]),
        /** A refusal with this stable code (and kind, when given). */
        thenThrows: (code: string, kind?: DomainErrorKind): void => expect(refusal()).toMatchObject(kind ? { code, kind } : { code }),
        /** The decided events, for what the other assertions do not say. */
        events: decide,
        /** The refusal, for what the other assertions do not say; fails when the command is accepted. */
        refusal,
      };
    },
  });
}
