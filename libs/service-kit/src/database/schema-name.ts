const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A service schema goes into SQL and into the `search_path` option unquoted,
 * so only plain lower-case identifiers are accepted.
 */
export function assertSchemaName(schema: string): string {
  if (!IDENTIFIER.test(schema)) {
    throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits and underscores`);
  }
  return schema;
}
