import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n } from '../../i18n/i18n';
import type { AdjudicationForm } from './adjudication';
import { LineDecisions } from './AdjudicationForm';
import type { Claim } from './claim-api';

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

const claim: Claim = {
  id: 'c1',
  status: 'SUBMITTED',
  version: 2,
  enrolmentId: 'e1',
  prescriptionId: 'p1',
  period: '2026-03',
  lines: [
    { kind: 'OPERATOR', code: 'TVB', payee: 'operator-1', amountCents: 2_800 },
    { kind: 'TECHNICAL', code: '1612544', payee: '73282932000074', amountCents: 5_000 },
  ],
  billableDays: 30,
  totalCents: 7_800,
  amoShareCents: 4_680,
  patientShareCents: 3_120,
  amoRatePercent: 60,
  tariffVersion: '2026.1',
};

const render = (lines: AdjudicationForm['lines']) =>
  plain(renderToStaticMarkup(<LineDecisions claim={claim} form={{ decision: 'PARTIAL', reasonCode: '', note: '', lines }} reasons={[]} error={undefined} onChange={() => undefined} />));

describe('LineDecisions: each line decided, the approved amount shown as they are', () => {
  beforeAll(() => initI18n('fr'));

  it('offers each line with its amount, nothing approved yet', () => {
    const html = render({});
    expect(html).toContain('<legend>Forfait opérateur (TVB) : 28,00 €</legend>');
    expect(html).toContain('<legend>Forfait technique (1612544) : 50,00 €</legend>');
    expect(html).toContain('<output>Montant accepté : 0,00 € sur 78,00 € (part AMO 0,00 €) 2 lignes restent à décider.</output>');
  });

  it('adds the approved line at the claim rate, and asks the reason of the rejected one', () => {
    const html = render({ OPERATOR: { decision: 'APPROVE', reasonCode: '' }, TECHNICAL: { decision: 'REJECT', reasonCode: '' } });
    expect(html).toContain('<output>Montant accepté : 28,00 € sur 78,00 € (part AMO 16,80 €)</output>');
    expect(html).toContain('Motif du rejet de la ligne');
  });
});
