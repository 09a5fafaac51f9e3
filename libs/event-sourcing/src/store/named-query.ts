/** A statement of the store, named so node-postgres prepares it once per connection. */
export interface NamedQuery {
  name: string;
  text: string;
}
