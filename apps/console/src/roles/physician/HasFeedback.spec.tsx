import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n } from '../../i18n/i18n';
import { hasFeedback } from './has-feedback';
import { HasFeedback } from './HasFeedback';

const evaluation = {
  referentialVersion: '2026.1',
  results: [
    { ruleId: 'DEVICE_CERTIFIED', outcome: 'PASS' as const, message: 'The device is certified.' },
    { ruleId: 'PATIENT_ELIGIBILITY', outcome: 'BLOCK' as const, message: 'Eligibility for heart failure is not documented: missing nyhaClass.' },
    { ruleId: 'HOME_COVERAGE', outcome: 'WARN' as const, message: 'The device relies on wide-area radio only.' },
  ],
};

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the HAS feedback panel', () => {
  beforeAll(() => initI18n('fr'));

  it('shows each rule with its outcome in words and its message, the referential version, and what blocks', () => {
    const html = renderToStaticMarkup(<HasFeedback feedback={hasFeedback(evaluation, {})} onJustify={() => undefined} />);
    const shown = text(html);
    expect(shown).toContain('Référentiel HAS 2026.1');
    expect(shown).toContain('Éligibilité clinique du patient PATIENT_ELIGIBILITY Bloquant Eligibility for heart failure is not documented: missing nyhaClass.');
    expect(shown).toContain('Dispositif certifié DEVICE_CERTIFIED Conforme');
    expect(shown).toContain('1 règle bloque l’émission : Éligibilité clinique du patient.');
    expect(shown).toContain('1 avertissement reste à justifier : Couverture réseau au domicile.');
    expect(html).toContain('<caption>Résultat de chaque règle du référentiel</caption>');
  });

  it('asks a labelled justification of each warning, saying the 20 characters and how many are missing', () => {
    const html = renderToStaticMarkup(<HasFeedback feedback={hasFeedback(evaluation, { HOME_COVERAGE: 'Wi-Fi gateway' })} onJustify={() => undefined} />);
    expect(html).toMatch(/<label for="[^"]+">Justification : Couverture réseau au domicile \(HOME_COVERAGE\)<\/label><textarea/);
    expect(text(html)).toContain('Au moins 20 caractères. Elle est auditée et engage votre responsabilité. Encore 7 caractères.');
    // One justification field: the PASS and the BLOCK ask for none.
    expect(html.match(/<textarea/g)).toHaveLength(1);
  });

  it('says the prescription can be issued once nothing blocks and every warning is justified', () => {
    const cleared = { ...evaluation, results: evaluation.results.filter((r) => r.outcome !== 'BLOCK') };
    const html = renderToStaticMarkup(
      <HasFeedback feedback={hasFeedback(cleared, { HOME_COVERAGE: 'The operator supplies a Wi-Fi gateway' })} onJustify={() => undefined} />,
    );
    expect(text(html)).toContain('Aucune règle ne bloque et chaque avertissement est justifié : l’ordonnance peut être émise.');
    expect(text(html)).toContain('Justification suffisante.');
    expect(html).toContain('alert-ok');
  });

  it('only shows an evaluation when nothing is to be written (a refused one, an issued prescription)', () => {
    const html = renderToStaticMarkup(<HasFeedback feedback={hasFeedback(evaluation, {})} />);
    expect(html).not.toContain('<textarea');
    expect(text(html)).toContain('Avertissement');
  });
});
