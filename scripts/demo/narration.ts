/** Who a line of the demo is about: a role of API.md (or the platform itself) and a readable name. */
export interface Actor {
  role: 'vendor' | 'evaluator' | 'physician' | 'patient' | 'operator' | 'admin' | 'processor' | 'auditor' | 'platform' | 'demo';
  label: string;
}

/** The widest role above: every bracket lines up. */
const ROLE_WIDTH = 'evaluator'.length;

export const actorTag = (actor: Actor, labelWidth: number): string => `[${actor.role.padEnd(ROLE_WIDTH)} ${actor.label.padEnd(labelWidth)}]`;

/**
 * One line per step: who, what, and what the platform answered.
 * `[vendor    Cardio SAS       ] registers device "CardioLink HF" -> 201 DRAFT`
 */
export function stepLine(actor: Actor, action: string, outcome: string | undefined, labelWidth: number): string {
  return `${actorTag(actor, labelWidth)} ${action}${outcome ? ` -> ${outcome}` : ''}`;
}

/** Writes the demo's lines; the width of the names is fixed once, from every actor of the demo. */
export class Narrator {
  private readonly labelWidth: number;

  constructor(
    actors: readonly Actor[],
    private readonly write: (line: string) => void,
  ) {
    this.labelWidth = Math.max(0, ...actors.map((actor) => actor.label.length));
  }

  step(actor: Actor, action: string, outcome?: string): void {
    this.write(stepLine(actor, action, outcome, this.labelWidth));
  }

  /** A detail of the step above, indented under its action. */
  detail(text: string): void {
    this.write(`${' '.repeat(ROLE_WIDTH + this.labelWidth + 4)}${text}`);
  }

  /** A heading between the parts of the story. */
  section(title: string): void {
    this.write('');
    this.write(`== ${title}`);
  }

  say(text = ''): void {
    this.write(text);
  }
}

/** "201 DRAFT", "200 CERTIFIED", "202": an answer's status and, when it has one, the resource's. */
export function outcomeOf(status: number, body: unknown): string {
  const state = typeof body === 'object' && body !== null ? (body as { status?: unknown }).status : undefined;
  return typeof state === 'string' ? `${status} ${state}` : String(status);
}

/** Seconds, as the demo prints a wait ("after 1.4 s"). */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** An id shortened for reading (the full ids are in the saved state and the dossier). */
export const shortId = (id: string): string => (id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id);
