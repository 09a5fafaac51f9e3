import { labels as deviceLabels } from '../devices/labels';
import { roleLabels } from '../roles/role-labels';
import { commonLabels } from './common.labels';

/** Every key path of a nested label object, with its text (a leaf that is not a string is kept, to fail). */
const entriesOf = (value: object, prefix = ''): Array<[string, unknown]> =>
  Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null ? entriesOf(child, `${prefix}${key}.`) : [[`${prefix}${key}`, child] as [string, unknown]],
  );

const namespaces = { common: commonLabels, devices: deviceLabels, ...roleLabels };

describe('the console labels', () => {
  it.each(Object.entries(namespaces))('%s: the same keys in French and English, none empty', (_namespace, labels) => {
    const fr = entriesOf(labels.fr);
    const en = entriesOf(labels.en);
    expect(en.map(([key]) => key).sort()).toEqual(fr.map(([key]) => key).sort());
    expect(fr.length).toBeGreaterThan(0);
    for (const [key, text] of [...fr, ...en]) expect([key, typeof text === 'string' && text.trim().length > 0]).toEqual([key, true]);
  });

  it('the auditor explorer labels every part of its screens', () => {
    expect(entriesOf(roleLabels.auditor.fr).length).toBeGreaterThan(50);
  });
});
