import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n } from '../../i18n/i18n';
import { ClaimLines } from './ClaimLines';

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('ClaimLines: each flat fee in euros, and its decision', () => {
  beforeAll(() => initI18n('fr'));

  it('shows the lines before a decision, amounts in euros from cents', () => {
    const html = plain(
      renderToStaticMarkup(
        <ClaimLines
          lines={[
            { kind: 'OPERATOR', code: 'TVB', payee: 'operator-1', amountCents: 2_800, amoShareCents: 1_680 },
            { kind: 'TECHNICAL', code: '1612544', payee: '73282932000074', amountCents: 5_000, amoShareCents: 3_000 },
          ]}
        />,
      ),
    );
    expect(html).toContain('<th scope="row">Forfait opérateur</th><td class="mono">TVB</td><td class="mono">operator-1</td><td><span class="money">28,00 €</span></td><td><span class="money">16,80 €</span></td><td>—</td><td>—</td>');
    expect(html).toContain('<span class="money">50,00 €</span>');
  });

  it('names the approved line and the rejected one with its reason', () => {
    const html = plain(
      renderToStaticMarkup(
        <ClaimLines
          lines={[
            { kind: 'OPERATOR', code: 'TVB', payee: 'operator-1', amountCents: 2_800, amoShareCents: 1_680, approvedCents: 2_800 },
            { kind: 'TECHNICAL', code: '1612544', payee: '7328', amountCents: 5_000, amoShareCents: 0, approvedCents: 0, rejection: { source: 'PROCESSOR', reasonCode: 'TARIFF_MISMATCH' } },
          ]}
          reasons={[{ code: 'TARIFF_MISMATCH', label: 'No tariff in force' }]}
        />,
      ),
    );
    expect(html).toContain('<td><span class="money">28,00 €</span></td><td>Acceptée</td>');
    expect(html).toContain('<td><span class="money">0,00 €</span></td><td>Rejetée : Tarif non conforme</td>');
  });
});
