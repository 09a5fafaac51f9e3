import { labels } from './labels';

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([key, inner]) => keysOf(inner, `${prefix}${key}.`)) : [prefix.slice(0, -1)];

describe('the auditor labels', () => {
  it('have the same keys in French and English, none empty', () => {
    expect(keysOf(labels.en)).toEqual(keysOf(labels.fr));
    expect(keysOf(labels.fr).length).toBeGreaterThan(50);
    for (const lang of [labels.fr, labels.en]) {
      const texts = keysOf(lang).map((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], lang));
      expect(texts.every((text) => typeof text === 'string' && text.trim().length > 0)).toBe(true);
    }
  });
});
