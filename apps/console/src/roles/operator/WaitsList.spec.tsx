import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n } from '../../i18n/i18n';
import { givenConsent, pendingEnrolment } from './enrolment.fixture';
import { WaitsList } from './WaitsList';

describe('WaitsList: what an enrolment waits for, in words', () => {
  beforeAll(() => initI18n('fr'));

  it('says each step and its state, the mark hidden from screen readers', () => {
    const html = renderToStaticMarkup(<WaitsList enrolment={pendingEnrolment({ consent: givenConsent, rights: { status: 'CLOSED' } })} />);
    expect(html).toContain('Consentement du patient : Fait');
    expect(html).toContain('Droits AMO ouverts : Bloqué — l’Assurance Maladie indique des droits fermés');
    expect(html).toContain('Dispositif du produit prescrit : En attente');
    expect(html).toContain('Activation : En attente');
    expect(html).toContain('<span aria-hidden="true">✗ </span>');
  });
});
