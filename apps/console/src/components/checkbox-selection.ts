/** Ticks or unticks one code of a checkbox group, keeping the vocabulary's order. */
export function toggled<T extends string>(selected: readonly T[], code: T, on: boolean, order: readonly T[]): T[] {
  const next = new Set(selected);
  if (on) next.add(code);
  else next.delete(code);
  return order.filter((item) => next.has(item));
}
