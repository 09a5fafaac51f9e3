import type { Page, Request } from 'playwright-core';
import { formatDateTime, formatDay } from '../../apps/console/src/format/dates';
import {
  certifyDevice,
  type Device,
  freshActors,
  type EnrolmentView,
  type NotificationView,
  pollUntil,
  prescribe,
  type Prescription,
  type PrescriptionView,
  registerDevice,
  waitForEnrolment,
  waitForNotifications,
} from '../../scripts/workflow';
import { checkScreen } from './support/console-browser';
import { ConsolePlatform } from './support/console-platform';

jest.setTimeout(240_000);

const JUSTIFICATION = 'Le patient installe la passerelle Wi-Fi fournie par l’opérateur';
const RENEWAL_JUSTIFICATION = 'Passerelle Wi-Fi toujours en place au domicile, vérifiée';
const CANCEL_REASON = 'Patient suivi désormais par un autre centre';

/** The accessible names of the form, as a physician reads them (French by default). */
const LABEL = {
  nir: 'NIR (numéro de sécurité sociale)',
  birthDate: 'Date de naissance',
  familyName: 'Nom de naissance',
  givenNames: 'Prénoms',
  sex: 'Sexe',
  coverage: 'Couverture réseau mobile au domicile',
  ald: 'Télésurveillance en rapport avec une affection de longue durée (ALD) exonérante',
  device: 'Dispositif de télésurveillance certifié',
  operatorOrg: 'Opérateur de télésurveillance (identifiant)',
  duration: 'Durée (mois)',
  nyha: 'Classe NYHA',
  hospitalised: 'Hospitalisation pour insuffisance cardiaque dans les 12 derniers mois',
  justification: 'Justification : Couverture réseau au domicile (HOME_COVERAGE)',
};
const ISSUE = 'Émettre l’ordonnance';

/** A rule's row of the HAS feedback once it shows this outcome (the live evaluation answers within a debounce and a round trip). */
const ruleRow = (page: Page, ruleId: string, outcome: 'Conforme' | 'Avertissement' | 'Bloquant') =>
  page.getByRole('row', { name: new RegExp(`${ruleId} ${outcome}`) }).first();

const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

/**
 * The physician's main path in the console: the prescription form with the
 * HAS referential's live feedback, the list and the patients, the dossier
 * verified in the browser (and a tampered one caught), a renewal, a
 * cancellation and the inbox. Other parties act through the API.
 */
describe('the web console: the physician prescribes with live HAS feedback, verifies the dossier, renews and cancels', () => {
  let world: ConsolePlatform;
  let page: Page;
  let device: Device;
  let prescriptionId: string;
  const actors = freshActors();
  const physician = () => ({ token: actors.physician.token });

  beforeAll(async () => {
    world = await ConsolePlatform.start();
    const flow = world.flow(actors);
    // Wide-area radio only (no Wi-Fi, wired or gateway): at a home with POOR coverage HOME_COVERAGE warns.
    device = await certifyDevice(flow, await registerDevice(flow, { connectivity: ['CELLULAR_4G', 'LPWAN'] }));
    // The certification reaches the prescription service through Kafka: wait until its rules know the device.
    await pollUntil(
      'the prescription service knows the certified device',
      async () => {
        const { body } = await world.client.post<{ results: { ruleId: string; outcome: string }[] }>(
          '/v1/prescriptions/evaluation',
          {
            patient: { nir: actors.patient.nir, birthDate: '1984-03-02', homeCellularCoverage: 'GOOD', ald: true },
            deviceId: device.deviceId,
            indication: 'HEART_FAILURE',
            operatorOrg: actors.operator.org,
            monitoringMode: 'PERIODIC',
            durationMonths: 6,
            clinical: {},
          },
          { ...physician(), expect: 200 },
        );
        return body.results.find((r) => r.ruleId === 'DEVICE_CERTIFIED')?.outcome === 'PASS';
      },
      { timeoutMs: 30_000 },
    );
    page = await world.signIn(actors.physician.token);
  }, 300_000);

  afterAll(async () => {
    await world?.stop();
  });

  const nav = (name: string) => page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });

  it('fills the form while the HAS feedback follows each change, and issues once the warning is justified', async () => {
    expect(new URL(page.url()).pathname).toBe('/physician');
    await nav('Nouvelle ordonnance').click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle ordonnance de télésurveillance' }).waitFor();
    await page.getByText('Renseignez le patient, le dispositif').waitFor();

    // A NIR whose key is wrong: the dry run's 400 names the field, beside it.
    const wrongKey = `${actors.patient.nir.slice(0, 13)}${actors.patient.nir.slice(13) === '01' ? '02' : '01'}`;
    await page.getByLabel(LABEL.nir).fill(wrongKey);
    await page.getByLabel(LABEL.birthDate).fill('1984-03-02');
    await page.getByLabel(LABEL.familyName).fill('DUPONT');
    await page.getByLabel(LABEL.givenNames).fill('Jean');
    await page.getByLabel(LABEL.sex).selectOption('M');
    await page.getByLabel(LABEL.coverage).selectOption({ label: 'Faible' });
    await page.getByLabel(LABEL.ald).check();
    await page.locator(`option[value="${device.deviceId}"]`).waitFor({ state: 'attached' });
    await page.getByLabel(LABEL.device).selectOption(device.deviceId);
    expect(await page.getByText('Connectivité : CELLULAR_4G, LPWAN').count()).toBe(1);
    await page.getByLabel(LABEL.operatorOrg).fill(actors.operator.org);
    await page.locator(`[aria-invalid="true"]`).first().waitFor();
    expect(await page.getByLabel(LABEL.nir).getAttribute('aria-invalid')).toBe('true');
    const nirProblem = await page.getByLabel(LABEL.nir).getAttribute('aria-describedby');
    expect(nirProblem).toMatch(/-error/);
    expect(await page.locator(`[id="${nirProblem!.split(' ').find((id) => id.endsWith('-error'))}"]`).textContent()).toMatch(/\S/);

    // The right NIR: the referential answers, and the undocumented eligibility blocks.
    await page.getByLabel(LABEL.nir).fill(actors.patient.nir);
    await ruleRow(page, 'PATIENT_ELIGIBILITY', 'Bloquant').waitFor();
    expect(await page.getByLabel(LABEL.nir).getAttribute('aria-invalid')).toBeNull();
    expect(await ruleRow(page, 'PATIENT_ELIGIBILITY', 'Bloquant').textContent()).toContain('missing');
    await ruleRow(page, 'HOME_COVERAGE', 'Avertissement').waitFor();
    await ruleRow(page, 'DEVICE_CERTIFIED', 'Conforme').waitFor();
    expect(await page.getByText('Référentiel HAS 2026.1').count()).toBe(1);
    expect(await page.getByText('1 règle bloque l’émission : Éligibilité clinique du patient.').count()).toBe(1);
    const issue = page.getByRole('button', { name: ISSUE });
    expect(await issue.isDisabled()).toBe(true);

    // The clinical criteria documented: the BLOCK turns to PASS; the WARN still asks its justification.
    await page.getByLabel(LABEL.nyha).selectOption('3');
    await page.getByLabel(LABEL.hospitalised).selectOption('true');
    await ruleRow(page, 'PATIENT_ELIGIBILITY', 'Conforme').waitFor();
    await page.getByText('1 avertissement reste à justifier : Couverture réseau au domicile.').waitFor();
    const justification = page.getByLabel(LABEL.justification);
    expect(await justification.getAttribute('aria-describedby')).toBeTruthy();
    await page.getByText('Au moins 20 caractères. Elle est auditée et engage votre responsabilité. Encore 20 caractères.').waitFor();
    expect(await issue.isDisabled()).toBe(true);
    await checkScreen(page, 'physician-prescription-form');

    // The referential may answer the issue otherwise than the dry run did (here the dry run's answer is made to say PASS
    // on its way to the browser, so the button lets the click through): the 422 shows the evaluation that refused it.
    await page.route('**/v1/prescriptions/evaluation', async (route) => {
      const response = await route.fetch();
      const evaluation = (await response.json()) as { results: { outcome: string }[] };
      await route.fulfill({ response, json: { ...evaluation, results: evaluation.results.map((result) => ({ ...result, outcome: 'PASS' })) } });
    });
    await page.getByLabel('NT-proBNP (pg/mL)').fill('1500');
    await page.getByRole('button', { name: ISSUE, disabled: false }).waitFor();
    await issue.click();
    const refused = page.getByRole('region', { name: 'L’ordonnance a été refusée par le référentiel HAS' });
    await refused.waitFor();
    expect(await refused.getByRole('row', { name: /HOME_COVERAGE Avertissement/ }).count()).toBe(1);
    expect(await refused.textContent()).toMatch(/Tentative auditée sous l’identifiant [0-9a-f-]{36}/);
    expect(await page.getByText('Code : PRESCRIPTION.RULES_REFUSED').count()).toBe(1);
    await page.unroute('**/v1/prescriptions/evaluation');
    expect((await world.client.get('/v1/prescriptions', physician())).body.total).toBe(0);
    await page.getByLabel('NT-proBNP (pg/mL)').fill('1600');
    await ruleRow(page, 'HOME_COVERAGE', 'Avertissement').waitFor();
    expect(await refused.count()).toBe(0);
    expect(await issue.isDisabled()).toBe(true);

    await justification.fill('Wi-Fi au domicile');
    await page.getByText('Encore 3 caractères.').waitFor();
    expect(await issue.isDisabled()).toBe(true);
    await justification.fill(JUSTIFICATION);
    await page.getByText('Justification suffisante.').waitFor();
    await page.getByRole('button', { name: ISSUE, disabled: false }).waitFor();
    await page.getByText('l’ordonnance peut être émise').first().waitFor();
    await issue.click();

    await page.getByText('L’ordonnance a été émise.').waitFor();
    prescriptionId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ordonnance de télésurveillance — DUPONT Jean');

    // What the API holds: the prescription issued, the override with the physician's words.
    const { body: issued } = await world.client.get<PrescriptionView>(`/v1/prescriptions/${prescriptionId}`, physician());
    expect(issued).toMatchObject({ status: 'ISSUED', indication: 'HEART_FAILURE', operatorOrg: actors.operator.org, durationMonths: 6 });
    expect(issued.patient).toMatchObject({ nir: actors.patient.nir, familyName: 'DUPONT', givenNames: 'Jean', homeCellularCoverage: 'POOR', ald: true });
    expect(issued.overrides).toEqual([{ ruleId: 'HOME_COVERAGE', justification: JUSTIFICATION }]);
    expect(issued.evaluation.results.find((r) => r.ruleId === 'PATIENT_ELIGIBILITY')?.outcome).toBe('PASS');

    // The page shows its facts in Paris time (the browser is in New York), and the enrolment the platform created.
    const main = page.getByRole('main');
    expect(plain(await main.textContent())).toContain(plain(formatDateTime(issued.issuedAt as string, 'fr')));
    expect(plain(await main.textContent())).toContain(plain(formatDay(issued.startDate, 'fr')));
    await page.getByText('Consentement attendu').waitFor();
    expect(await main.getByText(JUSTIFICATION).count()).toBeGreaterThanOrEqual(1);
    await checkScreen(page, 'physician-prescription');
  });

  it('finds it in the list of prescriptions and under its patient', async () => {
    await nav('Mes ordonnances').click();
    await page.getByRole('heading', { level: 1, name: 'Mes ordonnances de télésurveillance' }).waitFor();
    await page.getByLabel('Statut', { exact: true }).selectOption('ISSUED');
    const row = page.getByRole('row', { name: /DUPONT Jean/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Insuffisance cardiaque');
    expect(await row.textContent()).toContain('Émise');
    await checkScreen(page, 'physician-prescriptions');

    await nav('Mes patients').click();
    await page.getByRole('heading', { level: 1, name: 'Mes patients' }).waitFor();
    const patient = page.getByRole('row', { name: /DUPONT Jean/ });
    await patient.waitFor();
    expect(await patient.textContent()).toContain(actors.patient.nir);
    expect(await patient.textContent()).toContain('2 mars 1984');
    const link = patient.getByRole('link', { name: /^Insuffisance cardiaque du / });
    expect(await link.count()).toBe(1);
    await checkScreen(page, 'physician-patients');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Ordonnance de télésurveillance — DUPONT Jean' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/physician/prescriptions/${prescriptionId}`);
  });

  it('verifies the liability dossier in the browser, and names the entry of a tampered one', async () => {
    await page.getByRole('link', { name: 'Dossier de responsabilité' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossier de responsabilité' }).waitFor();
    await page.getByRole('table', { name: /Chaque étape/ }).waitFor({ timeout: 30_000 });
    const summary = page.getByRole('row', { name: /prescription\.issued/ }).first();
    expect(await summary.textContent()).toContain('Médecin prescripteur');
    // The justification, a commitment in the ledger, is disclosed to its prescriber.
    await page.getByRole('table', { name: /communiqués au prescripteur/ }).getByText(JUSTIFICATION).waitFor();

    // No request leaves the page for the check itself.
    const verify = page.getByRole('button', { name: 'Vérifier le dossier dans le navigateur' });
    await page.getByRole('button', { name: 'Vérifier le dossier dans le navigateur', disabled: false }).waitFor();
    const requests: string[] = [];
    const record = (request: Request) => requests.push(request.url());
    page.on('request', record);
    await verify.click();
    await page.getByText('Dossier vérifié').waitFor();
    page.off('request', record);
    expect(requests).toEqual([]);
    const verdict = plain(await page.getByRole('status').filter({ hasText: 'Dossier vérifié' }).textContent());
    const counts = /(\d+) entrées dans (\d+) flux.*tête d’arbre de taille (\d+)/.exec(verdict);
    expect(counts).not.toBeNull();
    const [entries, streams, treeSize] = counts!.slice(1).map(Number);
    expect(entries).toBeGreaterThanOrEqual(4);
    expect(streams).toBeGreaterThanOrEqual(2);
    const facts = plain(await page.locator('dl.facts').textContent());
    expect(facts).toContain(`Taille de l’arbre signé${treeSize}`);
    await checkScreen(page, 'physician-dossier');

    // The same dossier, one entry altered on its way to the browser: the check names it.
    let altered: { index: number; id: string } | undefined;
    await page.route('**/v1/liability/prescriptions/**', async (route) => {
      const response = await route.fetch();
      const dossier = await response.json();
      const target = dossier.entries.find((item: { entry: { action: string; subject: string } }) => item.entry.subject === `prescription:${prescriptionId}` && item.entry.action === 'prescription.issued');
      target.entry.decision = 'REFUSED';
      altered = { index: target.index, id: target.entry.id };
      await route.fulfill({ response, json: dossier });
    });
    await page.reload();
    await page.getByRole('button', { name: 'Vérifier le dossier dans le navigateur', disabled: false }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Vérifier le dossier dans le navigateur' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Dossier NON vérifié' });
    await alert.waitFor();
    expect(altered).toBeDefined();
    expect(await alert.textContent()).toContain(`Première entrée en défaut : index ${altered!.index} (id ${altered!.id}).`);
    expect(await alert.textContent()).toContain('altered');
    expect(await alert.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    await checkScreen(page, 'physician-dossier-tampered');
    await page.unroute('**/v1/liability/prescriptions/**');

    // The ledger's own dossier still verifies (read back through the API).
    const { body: dossier } = await world.client.get(`/v1/liability/prescriptions/${prescriptionId}`, physician());
    expect(dossier.entries.find((item: { index: number }) => item.index === altered!.index).entry.decision).toBe('ISSUED');
  });

  it('renews it from the prefilled form', async () => {
    await page.getByRole('link', { name: prescriptionId }).click();
    await page.getByRole('link', { name: 'Renouveler l’ordonnance' }).click();
    await page.getByRole('heading', { level: 1, name: 'Renouvellement d’ordonnance' }).waitFor();
    // Kept from the renewed prescription: the patient, the device, the operator.
    expect(await page.getByLabel(LABEL.nir).inputValue()).toBe(actors.patient.nir);
    expect(await page.getByLabel(LABEL.nir).isDisabled()).toBe(true);
    expect(await page.getByLabel(LABEL.familyName).inputValue()).toBe('DUPONT');
    expect(await page.getByLabel(LABEL.device).inputValue()).toBe(device.deviceId);
    expect(await page.getByLabel(LABEL.operatorOrg).inputValue()).toBe(actors.operator.org);
    expect(await page.getByLabel(LABEL.coverage).inputValue()).toBe('POOR');
    await ruleRow(page, 'PATIENT_ELIGIBILITY', 'Bloquant').waitFor();

    await page.getByLabel(LABEL.duration).fill('12');
    await page.getByLabel(LABEL.nyha).selectOption('2');
    await page.getByLabel(LABEL.hospitalised).selectOption('true');
    await ruleRow(page, 'PATIENT_ELIGIBILITY', 'Conforme').waitFor();
    await ruleRow(page, 'DURATION', 'Conforme').waitFor();
    await ruleRow(page, 'NO_DUPLICATE', 'Conforme').waitFor();
    await page.getByLabel(LABEL.justification).fill(RENEWAL_JUSTIFICATION);
    await page.getByRole('button', { name: ISSUE, disabled: false }).waitFor();
    await checkScreen(page, 'physician-renewal');
    await page.getByRole('button', { name: ISSUE }).click();
    await page.getByText('L’ordonnance a été émise.').waitFor();
    const renewalId = new URL(page.url()).pathname.split('/').pop()!;
    expect(renewalId).not.toBe(prescriptionId);
    expect(await page.getByRole('link', { name: prescriptionId }).count()).toBe(1);

    const { body: renewal } = await world.client.get<PrescriptionView>(`/v1/prescriptions/${renewalId}`, physician());
    expect(renewal).toMatchObject({ status: 'ISSUED', renewalOf: prescriptionId, durationMonths: 12, operatorOrg: actors.operator.org });
    expect(renewal.overrides).toEqual([{ ruleId: 'HOME_COVERAGE', justification: RENEWAL_JUSTIFICATION }]);
  });

  it('reads a notification, and cancels another prescription with a reason', async () => {
    // Another patient's prescription, whose monitoring its operator ends: the prescriber is told (ENROLMENT_ENDED).
    const other = { ...actors, patient: freshActors().patient };
    const flow = world.flow(other);
    const second: Prescription = await prescribe(flow, device);
    const enrolment: EnrolmentView = await waitForEnrolment(flow, second.id);
    await world.client.post(`/v1/enrolments/${enrolment.id}/end`, { reason: 'Patient déménagé hors zone' }, { token: actors.operator.token, expect: 200 });
    const [told] = await waitForNotifications(
      flow,
      actors.physician.token,
      (items: NotificationView[]) => items.some((n) => n.type === 'ENROLMENT_ENDED' && n.relatedSubjects.includes(`prescription:${second.id}`)),
      'the prescriber told that the monitoring ended',
    ).then((items) => items.filter((n) => n.type === 'ENROLMENT_ENDED'));

    await nav('Notifications').click();
    await page.getByRole('heading', { level: 1, name: 'Mes notifications' }).waitFor();
    await page.getByLabel('Afficher').selectOption('true');
    const row = page.getByRole('row', { name: /Télésurveillance terminée/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Non lue');
    expect(plain(await row.textContent())).toContain(plain(formatDateTime(told.createdAt, 'fr')));
    await checkScreen(page, 'physician-notifications');
    await row.getByRole('button', { name: /^Marquer comme lue/ }).click();
    await page.getByLabel('Afficher').selectOption('');
    await page.getByRole('row', { name: /Télésurveillance terminée.*Lue le/ }).waitFor();
    const { body: read } = await world.client.get(`/v1/notifications?pageSize=200`, physician());
    expect(read.items.find((n: NotificationView) => n.id === told.id)).toMatchObject({ status: 'READ', readAt: expect.any(String) });

    // The other prescription, found in the list (by its patient's NIR: no name was given), cancelled with a reason.
    await nav('Mes ordonnances').click();
    await page.getByRole('link', { name: other.patient.nir }).click();
    await page.getByRole('heading', { level: 1, name: `Ordonnance de télésurveillance — ${other.patient.nir}` }).waitFor();
    await page.getByLabel('Motif de l’annulation').fill(CANCEL_REASON);
    await page.getByRole('button', { name: 'Annuler l’ordonnance' }).click();
    await page.getByText(/^Annulée le /).waitFor();
    expect(await page.getByText(CANCEL_REASON).count()).toBe(1);
    const { body: cancelled } = await world.client.get<PrescriptionView>(`/v1/prescriptions/${second.id}`, physician());
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.cancellation).toMatchObject({ reason: CANCEL_REASON });
    // The first prescription and its renewal are untouched.
    const { body: first } = await world.client.get<PrescriptionView>(`/v1/prescriptions/${prescriptionId}`, physician());
    expect(first.status).toBe('ISSUED');
  });
});
