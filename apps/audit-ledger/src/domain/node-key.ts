/** Map key of a stored node. */
export const nodeKey = (level: number, index: number): string => `${level}:${index}`;
