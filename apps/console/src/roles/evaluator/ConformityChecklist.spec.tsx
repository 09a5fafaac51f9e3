import { renderToStaticMarkup } from 'react-dom/server';
import { ApiError } from '../../api/api-error';
import { initI18n } from '../../i18n/i18n';
import { ConformityChecklist } from './ConformityChecklist';
import { submittedDevice } from './device.fixture';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const render = (...args: Parameters<typeof ConformityChecklist>) => renderToStaticMarkup(<ConformityChecklist {...args[0]} />);
const noop = () => undefined;

describe('ConformityChecklist: the declaration against the certification rules', () => {
  beforeAll(() => initI18n('fr'));

  it('is a fieldset named by its legend, one row per rule with its outcome in words and the evidence declared', () => {
    const html = render({ device: submittedDevice(), checked: {}, onCheck: noop });
    expect(html).toMatch(/^<fieldset[^>]*><legend>Liste de conformité<\/legend>/);
    const shown = text(html);
    expect(shown).toContain('HDS — hébergement de données de santé Données hébergées dans le cloud : un certificat HDS est exigé. Satisfaite HDS-2026-0042 Preuve vérifiée');
    expect(shown).toContain('Organisme notifié Classe CE IIa : un certificat d’organisme notifié est exigé. Satisfaite NB-0459-2026-117 Preuve vérifiée');
    expect(shown).toContain('ETSI EN 303 645 Conformité à la norme de cybersécurité exigée pour toute certification. Satisfaite PT-2026-03 Preuve vérifiée');
  });

  it('asks a labelled "evidence checked" box of each rule met only, named by its rule too', () => {
    const device = submittedDevice({ ceClass: 'I', notifiedBodyCertificate: undefined, dataHosting: { storage: 'HDS_CLOUD' }, security: { etsiEn303645: true } });
    const html = render({ device, checked: { ETSI_EN_303_645: true }, onCheck: noop });
    const shown = text(html);
    expect(shown).toContain('HDS — hébergement de données de santé Données hébergées dans le cloud : un certificat HDS est exigé. Non satisfaite Aucune Rien à vérifier');
    expect(shown).toContain('Organisme notifié Classe CE I : pas d’organisme notifié exigé. Sans objet Aucune Rien à vérifier');
    const boxes: string[] = html.match(/<input type="checkbox"[^>]*>/g) ?? [];
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toContain('checked=""');
    // Its name: the label, then the rule's row header.
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(boxes[0])?.[1] ?? '';
    const names = labelledBy.split(' ').map((id) => new RegExp(`id="${id}"[^>]*>([^<]+)<`).exec(html)?.[1]);
    expect(names).toEqual(['Preuve vérifiée', 'ETSI EN 303 645']);
  });

  it("shows the server's refusal on the rule whose field it names", () => {
    const refusal = new ApiError(
      422,
      'DEVICE.CERTIFICATION_RULES_FAILED',
      'cannot certify',
      [{ field: 'notifiedBodyCertificate', code: 'NOTIFIED_BODY_CERTIFICATE_REQUIRED', message: 'CE class IIa needs a notified body certificate' }],
      undefined,
    );
    const html = render({ device: submittedDevice(), checked: {}, onCheck: noop, error: refusal });
    expect(text(html)).toContain('Organisme notifié Classe CE IIa : un certificat d’organisme notifié est exigé. Satisfaite CE class IIa needs a notified body certificate');
    expect(html.match(/class="field-error"/g)).toHaveLength(1);
  });

  it('speaks English too', () => {
    initI18n('en');
    const shown = text(render({ device: submittedDevice({ security: { etsiEn303645: false } }), checked: {}, onCheck: noop }));
    expect(shown).toContain('Conformity checklist');
    expect(shown).toContain('ETSI EN 303 645 Conformity to the cybersecurity standard is required for any certification. Not met None Nothing to check');
    initI18n('fr');
  });
});
