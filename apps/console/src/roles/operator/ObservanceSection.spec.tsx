import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n } from '../../i18n/i18n';
import { pendingEnrolment } from './enrolment.fixture';
import { ObservanceSection } from './ObservanceSection';

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('ObservanceSection: days with data over days, per month', () => {
  beforeAll(() => initI18n('fr'));

  it('shows each month with its percentage, and says in words when it is below 50 %', () => {
    const enrolment = pendingEnrolment({
      status: 'ACTIVE',
      activatedAt: '2026-03-02T07:30:00.000Z',
      observance: [
        { month: 1, from: '2026-03-02', to: '2026-04-01', daysWithData: 31, days: 31 },
        { month: 2, from: '2026-04-02', to: '2026-05-01', daysWithData: 3, days: 10 },
      ],
    });
    const html = plain(renderToStaticMarkup(<ObservanceSection enrolment={enrolment} />));
    expect(html).toContain('<caption>Observance par mois</caption>');
    expect(html).toContain('<th scope="row">1er mois</th>');
    expect(html).toContain('<td>31</td><td>31</td><td>100 % — Suffisante</td>');
    expect(html).toContain('<td>3</td><td>10</td><td class="not-verified">30 % — Sous 50 % : le prescripteur est prévenu</td>');
    expect(html).toContain('2 mars 2026');
  });

  it('says so before any transmission', () => {
    expect(renderToStaticMarkup(<ObservanceSection enrolment={pendingEnrolment()} />)).toContain('Pas encore de transmission.');
  });
});
