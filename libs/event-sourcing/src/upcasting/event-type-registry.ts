/** Turns the data of one schema version of an event type into the next version's data. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface VersionedEventData {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

/**
 * Event types are stored as explicit strings with a schema version. When a
 * type's shape changes, its old events stay as written and an upcaster per
 * version step brings them to the latest shape on read, so deciders and
 * projections only ever see the current schema.
 */
export class EventTypeRegistry {
  private readonly upcasters = new Map<string, Map<number, Upcaster>>();

  /** Registers the step from `fromVersion` to `fromVersion + 1` of `type`. */
  upcaster(type: string, fromVersion: number, upcast: Upcaster): this {
    const steps = this.upcasters.get(type) ?? new Map<number, Upcaster>();
    if (steps.has(fromVersion)) throw new Error(`Upcaster ${type} v${fromVersion} is already registered`);
    steps.set(fromVersion, upcast);
    this.upcasters.set(type, steps);
    return this;
  }

  /** The version new events of `type` are written with: one past the last upcaster step, 1 without any. */
  latestVersion(type: string): number {
    const steps = this.upcasters.get(type);
    return steps && steps.size > 0 ? Math.max(...steps.keys()) + 1 : 1;
  }

  upcast<T extends VersionedEventData>(event: T): T {
    const steps = this.upcasters.get(event.type);
    if (!steps) return event;
    let { schemaVersion, data } = event;
    for (let step = steps.get(schemaVersion); step; step = steps.get(schemaVersion)) {
      data = step(data);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, schemaVersion, data };
  }
}
