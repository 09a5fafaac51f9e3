import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n } from '../i18n/i18n';
import type { TimelineEntry } from './review-timeline';
import { TimelineSaid } from './TimelineSaid';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
  version: 1,
  type: 'DeviceRegistered',
  occurredAt: '2026-03-01T10:00:00.000Z',
  actor: { id: 'vendor-1', role: 'vendor' },
  reasons: [],
  ...overrides,
});

describe('TimelineSaid: what a step of the review said', () => {
  beforeAll(() => initI18n('fr'));

  it('says nothing of a step without words', () => {
    expect(text(renderToStaticMarkup(<TimelineSaid entry={entry({})} />))).toBe('—');
  });

  it('gives a single reason as it is, several as a list', () => {
    expect(renderToStaticMarkup(<TimelineSaid entry={entry({ type: 'DeviceSuspended', reasons: ['Alerte ANSM'] })} />)).toBe('Alerte ANSM');
    const html = renderToStaticMarkup(<TimelineSaid entry={entry({ type: 'DeviceRejected', reasons: ['Pas de certificat HDS', 'Pas de rapport'] })} />);
    expect(html).toBe('<ul class="plain"><li>Pas de certificat HDS</li><li>Pas de rapport</li></ul>');
  });

  it("gives a certification's terms with its last day in Paris, its indications and notes", () => {
    const certified = entry({
      type: 'DeviceCertified',
      lppCode: '1612544',
      // 23:30 UTC on the 31st is already the 1st of January in Paris.
      validUntil: '2029-12-31T23:30:00.000Z',
      certifiedIndications: ['HEART_FAILURE', 'DIABETES'],
      notes: 'RAS',
    });
    expect(text(renderToStaticMarkup(<TimelineSaid entry={certified} />))).toBe(
      'Code LPP 1612544, jusqu’au 1 janv. 2030 Indications : Insuffisance cardiaque, Diabète Notes : RAS',
    );
  });

  it('says when an edit reopened a rejected product, and when a certification expired', () => {
    expect(text(renderToStaticMarkup(<TimelineSaid entry={entry({ type: 'DeviceUpdated', reopenedFromRejection: true })} />))).toBe('Brouillon rouvert après un rejet');
    expect(text(renderToStaticMarkup(<TimelineSaid entry={entry({ type: 'DeviceCertificationExpired', validUntil: '2026-06-30T21:59:59.999Z' })} />))).toBe('30 juin 2026');
  });
});
