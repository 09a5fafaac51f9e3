import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n } from '../../i18n/i18n';
import { Check, Verdict } from './Verdict';

describe('Verdict and Check: a verification said in words', () => {
  beforeAll(() => initI18n('fr'));

  it('says "Vérifié" or "Non vérifié" beside what was checked, not by colour alone', () => {
    const ok = renderToStaticMarkup(<dl><Check label="Sceau" ok>par device-certification</Check></dl>);
    expect(ok).toContain('<dt>Sceau</dt>');
    expect(ok).toContain('Vérifié</span> — par device-certification');
    expect(ok).toContain('class="verified"');
    const bad = renderToStaticMarkup(<dl><Check label="Preuve" ok={false} /></dl>);
    expect(bad).toContain('Non vérifié');
    expect(bad).toContain('class="not-verified"');
  });

  it('announces the whole outcome as a status', () => {
    const html = renderToStaticMarkup(<Verdict ok={false}>Entrée non vérifiée</Verdict>);
    expect(html).toMatch(/^<p role="status" class="alert alert-error">/);
    expect(html).toContain('Entrée non vérifiée');
  });
});
