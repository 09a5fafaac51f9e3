/** A hash, key id or signature: lowercase hex in a monospace face, wrapped anywhere, whole (an auditor compares them). */
export function Hash({ value }: { value: string }) {
  return <code className="mono">{value}</code>;
}
