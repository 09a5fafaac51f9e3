import { stringify } from 'yaml';

/** The header of every generated file: what made it, and the spec that fails when it is stale. */
export const generatedHeader = (what: string): string =>
  `# GENERATED from services.json by scripts/k8s (npm run k8s:generate): do not edit.
${what
  .split('\n')
  .map((line) => `# ${line}`.trimEnd())
  .join('\n')}
# A test (scripts/k8s/generated-files.spec.ts) fails when this file and services.json disagree.
`;

/** YAML documents, `---` separated, in the order given; no line folding so diffs stay readable. */
export const yamlDocuments = (documents: unknown[]): string =>
  documents.map((document) => `---\n${stringify(document, { lineWidth: 0, aliasDuplicateObjects: false })}`).join('');
