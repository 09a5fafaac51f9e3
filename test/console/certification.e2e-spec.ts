import type { Page } from 'playwright-core';
import { formatDay } from '../../apps/console/src/format/dates';
import type { DeviceView } from '../../apps/console/src/devices/device-view';
import { freshActors, freshUdiDi } from '../../scripts/workflow';
import { checkScreen } from './support/console-browser';
import { ConsolePlatform } from './support/console-platform';

jest.setTimeout(240_000);

const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

/** The vendor form's accessible names, as a manufacturer reads them (French by default). */
const FORM = {
  name: 'Nom commercial',
  model: 'Modèle',
  udiDi: 'IUD-ID (identifiant unique du dispositif)',
  ceClass: 'Classe CE',
  notifiedBody: 'Certificat de l’organisme notifié (facultatif)',
  siret: 'SIRET du fabricant',
  manufacturerName: 'Raison sociale du fabricant',
  storage: 'Lieu de stockage',
  hds: 'Certificat HDS (facultatif)',
  etsi: 'Le produit est conforme à la norme ETSI EN 303 645',
};

/**
 * The certification journey in the console: the vendor registers a product
 * (the API's refusals shown by field), edits it, submits it; the evaluator
 * reviews it against the conformity checklist, rejects it with its reasons;
 * the vendor corrects and submits again; the evaluator certifies it, then
 * suspends, reinstates and revokes it; the vendor follows every step.
 */
describe('the web console: a vendor registers and submits a product, an evaluator reviews it with the conformity checklist', () => {
  let world: ConsolePlatform;
  let vendor: Page;
  let evaluator: Page;
  let deviceId: string;
  const actors = freshActors();
  const udiDi = freshUdiDi();
  const asVendor = () => ({ token: actors.vendor.token });

  beforeAll(async () => {
    world = await ConsolePlatform.start();
    vendor = await world.signIn(actors.vendor.token);
    evaluator = await world.signIn(actors.evaluator.token);
  }, 300_000);

  afterAll(async () => {
    await world?.stop();
  });

  const navOf = (page: Page, name: string) => page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });
  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const device = async () => (await world.client.get<DeviceView>(`/v1/devices/${deviceId}`, asVendor())).body;

  it('registers a draft: the API names each field it refuses, beside it', async () => {
    expect(new URL(vendor.url()).pathname).toBe('/vendor');
    await heading(vendor, 'Mes produits').waitFor();
    await checkScreen(vendor, 'vendor-products');
    await vendor.getByRole('link', { name: 'Enregistrer un produit' }).first().click();
    await heading(vendor, 'Enregistrer un produit').waitFor();
    // The manufacturer's SIRET is the signed-in vendor's org.
    expect(await vendor.getByLabel(FORM.siret).inputValue()).toBe(actors.vendor.siret);

    // Nothing but the model: the 400 names the name and the storage, each beside its control.
    await vendor.getByLabel(FORM.model).fill('CW-3');
    await vendor.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await vendor.getByText('La demande a été refusée').waitFor();
    expect(await vendor.getByLabel(FORM.name).getAttribute('aria-invalid')).toBe('true');
    expect(await vendor.getByLabel(FORM.storage).getAttribute('aria-invalid')).toBe('true');
    expect(await vendor.getByLabel(FORM.model).getAttribute('aria-invalid')).toBeNull();
    await checkScreen(vendor, 'vendor-register');
    expect((await world.client.get<{ total: number }>('/v1/devices', asVendor())).body.total).toBe(0);

    // A class IIa product hosted by an HDS, without its notified body certificate yet, not declared ETSI EN 303 645 conform.
    await vendor.getByLabel(FORM.name).fill('CardioWatch 3');
    await vendor.getByLabel(FORM.udiDi).fill(udiDi);
    await vendor.getByLabel(FORM.ceClass).selectOption('IIa');
    await vendor.getByLabel(FORM.manufacturerName).fill('Cardio SAS');
    await vendor.getByRole('group', { name: 'Indications' }).getByLabel('Insuffisance cardiaque').check();
    await vendor.getByRole('group', { name: 'Connectivité' }).getByLabel('Réseau mobile 4G').check();
    await vendor.getByLabel(FORM.storage).selectOption('HDS_CLOUD');
    await vendor.getByLabel(FORM.hds).fill('HDS-2026-0042');
    await vendor.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await vendor.getByText('Brouillon enregistré.').waitFor();
    deviceId = new URL(vendor.url()).pathname.split('/').pop()!;
    await heading(vendor, 'CardioWatch 3').waitFor();
    expect(await device()).toMatchObject({
      status: 'DRAFT',
      ceClass: 'IIa',
      udiDi,
      manufacturer: { siret: actors.vendor.siret, name: 'Cardio SAS' },
      indications: ['HEART_FAILURE'],
      connectivity: ['CELLULAR_4G'],
      dataHosting: { storage: 'HDS_CLOUD', hdsCertificateId: 'HDS-2026-0042' },
      security: { etsiEn303645: false },
    });
    await checkScreen(vendor, 'vendor-product');
  });

  it('is told at submission what the declaration lacks, edits the draft and submits it', async () => {
    await vendor.getByRole('button', { name: 'Soumettre à évaluation' }).click();
    // Class IIa needs a notified body certificate: the 422 says so, and the product stays a draft.
    await vendor.getByText(/notified body certificate/).first().waitFor();
    expect((await device()).status).toBe('DRAFT');

    await vendor.getByRole('link', { name: 'Modifier la déclaration' }).click();
    await heading(vendor, 'Modifier « CardioWatch 3 »').waitFor();
    expect(await vendor.getByLabel(FORM.udiDi).inputValue()).toBe(udiDi);
    await vendor.getByLabel(FORM.notifiedBody).fill('NB-0459-2026-117');
    await vendor.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await vendor.getByText('Déclaration enregistrée.').waitFor();
    await vendor.getByRole('button', { name: 'Soumettre à évaluation' }).click();
    await vendor.getByText('Produit soumis à évaluation.').waitFor();
    await vendor.getByText('En cours d’évaluation').waitFor();
    expect(await device()).toMatchObject({ status: 'SUBMITTED', notifiedBodyCertificate: 'NB-0459-2026-117' });
    // No more edit once submitted.
    expect(await vendor.getByRole('link', { name: 'Modifier la déclaration' }).count()).toBe(0);
  });

  const ETSI_REASON = 'Conformité à la norme ETSI EN 303 645 non déclarée : elle est exigée pour toute certification.';
  const checklistRow = (rule: string) => evaluator.getByRole('table', { name: 'Règles de conformité au regard de la déclaration du fabricant' }).getByRole('row', { name: new RegExp(`^${rule}`) });
  const form = (name: string) => evaluator.getByRole('form', { name, exact: true });

  it('the evaluator finds it in the queue, reads it against the checklist and rejects it with the reason the checklist gives', async () => {
    expect(new URL(evaluator.url()).pathname).toBe('/evaluator');
    await heading(evaluator, 'File d’évaluation').waitFor();
    const queued = evaluator.getByRole('link', { name: 'CardioWatch 3', exact: true });
    await queued.waitFor();
    await checkScreen(evaluator, 'evaluator-queue');
    await queued.click();
    await heading(evaluator, 'CardioWatch 3').waitFor();
    expect(new URL(evaluator.url()).pathname).toBe(`/evaluator/device/${deviceId}`);

    // The declaration against the rules: HDS hosting and the notified body certificate met, ETSI EN 303 645 not declared.
    expect(plain(await checklistRow('HDS').textContent())).toContain('Satisfaite');
    expect(plain(await checklistRow('HDS').textContent())).toContain('HDS-2026-0042');
    expect(plain(await checklistRow('Organisme notifié').textContent())).toContain('NB-0459-2026-117');
    expect(plain(await checklistRow('ETSI EN 303 645').textContent())).toContain('Non satisfaite');
    const certify = evaluator.getByRole('button', { name: 'Certifier le dispositif' });
    expect(await certify.isDisabled()).toBe(true);
    await evaluator.getByText('Certification impossible : une règle applicable n’est pas satisfaite (ETSI EN 303 645).', { exact: false }).waitFor();
    const reasons = form('Rejeter').getByLabel('Motifs du rejet (un par ligne)');
    expect(await reasons.inputValue()).toBe(ETSI_REASON);
    await checkScreen(evaluator, 'evaluator-review');

    await evaluator.getByRole('button', { name: 'Rejeter le dispositif' }).click();
    await evaluator.getByText('Produit rejeté.').waitFor();
    const rejected = await device();
    expect(rejected.status).toBe('REJECTED');
    const { body: history } = await world.client.get<{ items: { type: string; data: { reasons?: string[] } }[] }>(`/v1/devices/${deviceId}/history`, asVendor());
    expect(history.items.find((item) => item.type === 'DeviceRejected')?.data.reasons).toEqual([ETSI_REASON]);
  });

  it('the vendor reads the reason, corrects the declaration (a draft again) and submits it anew', async () => {
    await vendor.reload();
    await vendor.getByText('Rejeté : lisez les motifs ci-dessous').waitFor();
    const timeline = vendor.getByRole('table', { name: 'Étapes de l’évaluation, de la plus ancienne à la plus récente' });
    expect(plain(await timeline.getByRole('row', { name: /Rejeté/ }).textContent())).toContain(ETSI_REASON);
    await vendor.getByRole('link', { name: 'Modifier la déclaration' }).click();
    await vendor.getByText('Ce produit a été rejeté').waitFor();
    await vendor.getByLabel(FORM.etsi).check();
    await vendor.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await vendor.getByText('Déclaration enregistrée.').waitFor();
    expect((await device()).status).toBe('DRAFT');
    await timeline.getByText('Brouillon rouvert après un rejet').waitFor();
    await vendor.getByRole('button', { name: 'Soumettre à évaluation' }).click();
    await vendor.getByText('Produit soumis à évaluation.').waitFor();
    expect(await device()).toMatchObject({ status: 'SUBMITTED', security: { etsiEn303645: true } });
  });

  it('the evaluator checks each evidence, is refused a wrong LPP code beside its field, then certifies', async () => {
    await evaluator.reload();
    await heading(evaluator, 'CardioWatch 3').waitFor();
    for (const rule of ['HDS', 'Organisme notifié', 'ETSI EN 303 645']) expect(plain(await checklistRow(rule).textContent())).not.toContain('Non satisfaite');
    const certify = evaluator.getByRole('button', { name: 'Certifier le dispositif' });
    await evaluator.getByRole('checkbox', { name: /^Preuve vérifiée HDS/ }).check();
    await evaluator.getByRole('checkbox', { name: /^Preuve vérifiée Organisme notifié/ }).check();
    expect(await certify.isDisabled()).toBe(true);
    await evaluator.getByRole('checkbox', { name: 'Preuve vérifiée ETSI EN 303 645' }).check();
    expect(await certify.isDisabled()).toBe(false);

    const validUntil = `${new Date().getUTCFullYear() + 3}-12-31`;
    await form('Certifier').getByLabel('Valide jusqu’au').fill(validUntil);
    await form('Certifier').getByLabel('Code LPP').fill('16125');
    await certify.click();
    await form('Certifier').getByText('lppCode must be 7 digits').first().waitFor();
    expect(await form('Certifier').getByLabel('Code LPP').getAttribute('aria-invalid')).toBe('true');
    expect((await device()).status).toBe('SUBMITTED');

    await form('Certifier').getByLabel('Code LPP').fill('1612544');
    await certify.click();
    await evaluator.getByText('Produit certifié.').waitFor();
    const certified = await device();
    expect(certified).toMatchObject({ status: 'CERTIFIED', certification: { lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'], evaluatorOrg: actors.evaluator.org } });
    // The last day is the Paris day typed: its end, 23:59:59.999 in Paris (winter: UTC+1).
    expect(certified.certification?.validUntil).toBe(`${validUntil}T22:59:59.999Z`);
    expect(plain(await evaluator.getByRole('main').textContent())).toContain(plain(formatDay(certified.certification!.validUntil, 'fr')));
    await checkScreen(evaluator, 'evaluator-certified');
  });

  it('suspends, reinstates and revokes the certification, each with its reason, and finds it in the catalogue', async () => {
    const act = async (formName: string, label: string, reason: string, button: string, done: string) => {
      await form(formName).getByLabel(label).fill(reason);
      await form(formName).getByRole('button', { name: button }).click();
      await evaluator.getByText(done).waitFor();
    };
    await act('Suspendre la certification', 'Motif de la suspension', 'Alerte de matériovigilance ANSM en cours d’analyse', 'Suspendre', 'Certification suspendue.');
    expect((await device()).status).toBe('SUSPENDED');
    await act('Rétablir la certification', 'Motif du rétablissement', 'Alerte levée par l’ANSM', 'Rétablir', 'Certification rétablie.');
    expect((await device()).status).toBe('CERTIFIED');
    await act('Retirer la certification', 'Motif du retrait', 'Fin de commercialisation déclarée par le fabricant', 'Retirer', 'Certification retirée.');
    expect((await device()).status).toBe('REVOKED');
    await evaluator.getByText('Certification retirée : rien à décider.').waitFor();

    await navOf(evaluator, 'Catalogue').click();
    await heading(evaluator, 'Catalogue des dispositifs').waitFor();
    await evaluator.getByLabel('Statut', { exact: true }).selectOption('REVOKED');
    const row = evaluator.getByRole('row', { name: /CardioWatch 3/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Retiré');
    await checkScreen(evaluator, 'evaluator-catalogue');
  });

  it('the vendor follows the whole review, every reason in it', async () => {
    await vendor.reload();
    await vendor.getByText('Certification retirée.').first().waitFor();
    // What the last edit announced was said once: a reload does not say it again.
    expect(await vendor.getByText('Déclaration enregistrée.').count()).toBe(0);
    const timeline = vendor.getByRole('table', { name: 'Étapes de l’évaluation, de la plus ancienne à la plus récente' });
    const steps = (await timeline.locator('tbody th').allTextContents()).map(plain);
    expect(steps).toEqual(['Enregistré', 'Modifié', 'Soumis à évaluation', 'Rejeté', 'Modifié', 'Soumis à évaluation', 'Certifié', 'Suspendu', 'Rétabli', 'Retiré']);
    const text = plain(await timeline.textContent());
    for (const said of [ETSI_REASON, 'Code LPP 1612544', 'Alerte de matériovigilance ANSM en cours d’analyse', 'Alerte levée par l’ANSM', 'Fin de commercialisation déclarée par le fabricant']) {
      expect(text).toContain(said);
    }
    expect(await vendor.getByRole('button', { name: 'Soumettre à évaluation' }).count()).toBe(0);
    await checkScreen(vendor, 'vendor-review');
    await navOf(vendor, 'Mes produits').click();
    const row = vendor.getByRole('row', { name: /CardioWatch 3/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Retiré');
  });
});
