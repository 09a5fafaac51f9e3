import type { Locator, Page } from 'playwright-core';
import { formatDateTime, formatDay, formatPeriod } from '../../apps/console/src/format/dates';
import { clockOffsetTo } from '../../scripts/platform/local-platform';
import {
  activate,
  assignDevice,
  certifyDevice,
  type ClaimView,
  type Device,
  freshActors,
  getEnrolment,
  giveConsent,
  type Page as ApiPage,
  pollUntil,
  prescribe,
  type Prescription,
  registerDevice,
  type RemittanceView,
  reportTransmissions,
  startBillingRun,
  waitForClaims,
  waitForEnrolment,
  waitForPayment,
  type Workflow,
} from '../../scripts/workflow';
import { daysFrom, parisInstant, periodBefore } from '../support/billing-calendar';
import { checkScreen } from './support/console-browser';
import { ConsolePlatform } from './support/console-platform';

jest.setTimeout(240_000);

/** Intl puts a (narrow) no-break space before "€" and inside times: read them as plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');
const textOf = async (page: Page, role: 'region' | 'table' | 'form', name: string) => plain(await page.getByRole(role, { name, exact: true }).textContent());
const minutesAfter = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000);
const parisTime = (instant: Date | string) => plain(formatDateTime(typeof instant === 'string' ? instant : instant.toISOString(), 'fr'));
/** A table row's cells (header cell included), as shown. */
const cellsOf = async (row: Locator) => (await row.locator('th, td').allTextContents()).map(plain);

/** Until the element shows `expected` (a screen that polls another service, or refreshes after a write). */
async function untilText(locator: Locator, expected: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = plain(await locator.textContent());
    if (text.includes(expected)) return text;
    if (Date.now() > deadline) throw new Error(`"${expected}" never shown; last seen: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The care and billing journey in the console, against the whole platform:
 * the operator takes a télésurveillance from its consent to its observance,
 * then, once the month is billed, the claims processor decides its claim
 * whole and another one line by line, and reads the remittances paid.
 * The platform clock (API.md "Time") starts on the 2nd of M (two months
 * back) at 09:00 Paris; the operator's steps are dated that morning. It is
 * then moved to the 3rd of the next month, when M has ended: the claims
 * service caps BILLING_GRACE_HOURS at 27 days, so at the real present the
 * scheduler would bill M before the late transmissions are in; on the 3rd,
 * with the grace at its cap, only the admin's run bills.
 */
describe('the operator and the claims processor in the console: from consent to remittance', () => {
  const m = periodBefore(2);
  const next = periodBefore(1);
  const morning = parisInstant(m, 2, 8);
  let world: ConsolePlatform;
  let wf: Workflow;
  let other: Workflow;
  let device: Device;
  let first: { prescription: Prescription; enrolmentId: string };
  let second: { prescription: Prescription; enrolmentId: string };
  let claims: { whole: ClaimView; partial: ClaimView };
  let page: Page;

  beforeAll(async () => {
    world = await ConsolePlatform.start({
      env: { CLOCK_OFFSET: clockOffsetTo(parisInstant(m, 2, 9)) },
      serviceEnv: { claims: { BILLING_GRACE_HOURS: String(24 * 27), PAYMENT_DELAY_MS: '500' } },
    });
    wf = world.flow();
    // The same physician and operator, another patient: no duplicate prescription, two enrolments of one org.
    other = { ...wf, actors: { ...wf.actors, patient: freshActors().patient } };
  }, 300_000);

  afterAll(() => world?.stop(), 120_000);

  it(`issues two prescriptions on ${m}-02 through the API: two enrolments wait for their consent`, async () => {
    device = await certifyDevice(wf, await registerDevice(wf));
    const prescriptions = [await prescribe(wf, device), await prescribe(other, device, { ald: false })];
    const enrolments = [await waitForEnrolment(wf, prescriptions[0].id), await waitForEnrolment(other, prescriptions[1].id)];
    for (const enrolment of enrolments) expect(enrolment).toMatchObject({ status: 'PENDING_CONSENT', operatorOrg: wf.actors.operator.org });
    first = { prescription: prescriptions[0], enrolmentId: enrolments[0].id };
    second = { prescription: prescriptions[1], enrolmentId: enrolments[1].id };
  });

  it('lets the operator record a paper consent, assign the device and activate, in the browser', async () => {
    page = await world.signIn(wf.actors.operator.token);
    const toConsent = page.getByRole('table', { name: 'Consentement attendu', exact: true });
    await toConsent.getByRole('link', { name: second.prescription.id }).waitFor();
    await toConsent.getByRole('link', { name: first.prescription.id }).waitFor();
    await checkScreen(page, 'operator-enrolments');

    await toConsent.getByRole('link', { name: first.prescription.id }).click();
    await page.getByRole('heading', { level: 1, name: 'Télésurveillance' }).waitFor();
    const waits = await textOf(page, 'region', 'Ce que la télésurveillance attend');
    expect(waits).toContain('Consentement du patient : En attente');
    expect(waits).toContain('Activation : En attente');
    expect(await textOf(page, 'region', 'Informations')).toContain(device.udiDi);

    // The paper form, signed at 08:00 in Paris (the browser is in New York: the typed time is still Paris time).
    const consent = page.getByRole('form', { name: 'Enregistrer le consentement' });
    await consent.getByLabel('Version du texte de consentement').fill('tlsm-2026.1');
    await consent.getByLabel('Signé le (heure de Paris)').fill(`${m}-02T08:00`);
    await consent.getByRole('button', { name: 'Enregistrer le consentement' }).click();
    const consentFacts = await untilText(page.getByRole('region', { name: 'Consentement', exact: true }), 'Formulaire papier');
    // The AMO's answer on the rights comes from another service: the screen polls until it is there.
    await untilText(page.getByRole('region', { name: 'Droits AMO', exact: true }), 'État des droitsOuverts');
    expect(consentFacts).toContain(`Signé le (heure de Paris)${parisTime(morning)}`);

    const deviceForm = page.getByRole('form', { name: 'Attribuer le dispositif' });
    expect(await deviceForm.getByLabel('UDI-DI').inputValue()).toBe(device.udiDi);
    await deviceForm.getByLabel('Numéro de série').fill(`SN-${first.enrolmentId.slice(-8)}`);
    await deviceForm.getByRole('button', { name: 'Attribuer le dispositif' }).click();
    await page.getByText('Dispositif attribué.').waitFor();

    const activation = page.getByRole('form', { name: 'Activer la télésurveillance' });
    await activation.getByLabel('Début de la télésurveillance (heure de Paris)').fill(`${m}-02T08:30`);
    await activation.getByRole('button', { name: 'Activer la télésurveillance' }).click();
    await page.getByText('Télésurveillance activée.').waitFor();
    expect(await page.locator('.page-header').textContent()).toContain('Active');

    const enrolment = await getEnrolment(wf, first.enrolmentId);
    expect(enrolment).toMatchObject({
      status: 'ACTIVE',
      activatedAt: minutesAfter(morning, 30).toISOString(),
      device: { serialNumber: `SN-${first.enrolmentId.slice(-8)}`, udiDi: device.udiDi },
      rights: { status: 'OPEN' },
      consent: { decision: 'GIVEN', method: 'PAPER', signedAt: morning.toISOString(), consentTextVersion: 'tlsm-2026.1', signedBy: 'PATIENT' },
    });
  });

  it('lets the operator report transmissions, open an incident with a cause, name another cause, and read the observance', async () => {
    const transmissions = page.getByRole('form', { name: 'Déclarer les transmissions' });
    await transmissions.getByRole('group', { name: 'Transmission 1' }).getByLabel('Reçue le (heure de Paris)').fill(`${m}-02T08:45`);
    await transmissions.getByRole('button', { name: 'Ajouter une transmission' }).click();
    const secondRow = transmissions.getByRole('group', { name: 'Transmission 2' });
    await secondRow.getByLabel('Reçue le (heure de Paris)').fill(`${m}-02T08:55`);
    await secondRow.getByLabel('Réseau').selectOption({ label: 'LPWAN' });
    await secondRow.getByLabel('Type').selectOption({ label: 'Alerte' });
    await transmissions.getByRole('button', { name: 'Déclarer les transmissions' }).click();
    await page.getByText('2 transmissions acceptées.').waitFor();
    const lastAt = minutesAfter(morning, 55);
    await untilText(page.getByRole('region', { name: 'Informations', exact: true }), `Dernière transmission${parisTime(lastAt)}`);

    // A device fault first (the vendor's), then, once investigated, the network's coverage (the operator's: the prescriber overrode nothing).
    const openIncident = page.getByRole('form', { name: 'Signaler un incident' });
    await openIncident.getByLabel('Début de l’incident (heure de Paris)').fill(`${m}-02T08:56`);
    await openIncident.getByLabel('Cause', { exact: true }).selectOption({ label: 'Panne du dispositif' });
    await openIncident.getByRole('button', { name: 'Signaler l’incident' }).click();
    await page.getByText('Incident signalé : responsable Fabricant.').waitFor();
    const incidents = page.getByRole('table', { name: 'Incidents de connectivité' });
    await incidents.getByRole('cell', { name: 'Panne du dispositif' }).waitFor();
    expect(await cellsOf(incidents.locator('tbody tr'))).toEqual([parisTime(minutesAfter(morning, 56)), 'en cours', 'Panne du dispositif', 'Fabricant', 'l’opérateur']);

    const update = page.getByRole('form', { name: 'Qualifier ou clore un incident' });
    await update.getByLabel('Cause établie').selectOption({ label: 'Couverture réseau' });
    await update.getByLabel('Fin de l’incident (heure de Paris, facultatif)').fill(`${m}-02T08:58`);
    await update.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Incident mis à jour : cause Couverture réseau, responsable Opérateur.').waitFor();
    await incidents.getByRole('cell', { name: 'Couverture réseau' }).waitFor();
    expect(await cellsOf(incidents.locator('tbody tr'))).toEqual([parisTime(minutesAfter(morning, 56)), parisTime(minutesAfter(morning, 58)), 'Couverture réseau', 'Opérateur', 'l’opérateur']);

    // Observance: the activation's day, with data: 1 day of 1.
    const observance = page.getByRole('table', { name: 'Observance par mois' });
    await observance.waitFor();
    // Month 1 runs from the activation's day to the day before the same day of the next month.
    expect(await cellsOf(observance.locator('tbody tr'))).toEqual(['1er mois', formatDay(`${m}-02`, 'fr'), formatDay(`${next}-01`, 'fr'), '1', '1', '100 % — Suffisante']);
    const history = page.getByRole('table', { name: 'Historique de la télésurveillance' });
    await history.getByText('Incident de connectivité mis à jour').waitFor();
    for (const step of ['Consentement enregistré', 'Dispositif attribué', 'Télésurveillance activée', 'Incident de connectivité ouvert']) expect(await history.textContent()).toContain(step);
    await checkScreen(page, 'operator-enrolment');

    const enrolment = await getEnrolment(wf, first.enrolmentId);
    expect(enrolment.lastTransmissionAt).toBe(lastAt.toISOString());
    expect(enrolment.incidents).toEqual([
      expect.objectContaining({ startedAt: minutesAfter(morning, 56).toISOString(), endedAt: minutesAfter(morning, 58).toISOString(), cause: 'NETWORK_COVERAGE', responsibleParty: 'operator', openedBy: 'operator' }),
    ]);
    expect(enrolment.observance?.[0]).toMatchObject({ month: 1, daysWithData: 1, days: 1 });
    const { body: events } = await wf.client.get<{ items: Array<{ type: string; data: Record<string, unknown> }> }>(`/v1/enrolments/${first.enrolmentId}/history`, { token: wf.actors.operator.token });
    expect(events.items.filter((event) => event.type.startsWith('ConnectivityIncident')).map((event) => [event.type, event.data.cause])).toEqual([
      ['ConnectivityIncidentOpened', 'DEVICE_FAULT'],
      ['ConnectivityIncidentUpdated', 'NETWORK_COVERAGE'],
    ]);
    await page.context().close();
  });

  it(`bills ${m} on ${next}-03: the admin's run claims both enrolments`, async () => {
    // The second patient's monitoring, prepared through the API.
    await giveConsent(other, second.enrolmentId);
    await assignDevice(other, second.enrolmentId, device);
    expect((await activate(other, second.enrolmentId)).status).toBe('ACTIVE');

    await world.platform.restartAll({ CLOCK_OFFSET: clockOffsetTo(parisInstant(next, 3, 9)) });
    // The operator's platform reports the month late (every 6 hours): no silence left to remove a day.
    for (const [flow, enrolmentId] of [
      [wf, first.enrolmentId],
      [other, second.enrolmentId],
    ] as const) {
      const enrolment = await getEnrolment(flow, enrolmentId);
      await reportTransmissions(flow, enrolmentId, { from: new Date(Date.parse(enrolment.activatedAt ?? 'not activated') + 60_000) });
    }
    await world.platform.settled();
    const run = await startBillingRun(wf, m);
    expect(run).toMatchObject({ period: m, status: 'COMPLETED', claimed: 2 });
    const [whole] = await waitForClaims(wf, { enrolmentId: first.enrolmentId, period: m });
    const [partial] = await waitForClaims(other, { enrolmentId: second.enrolmentId, period: m });
    const billableDays = daysFrom(`${m}-02`, m).length;
    // ALD: the AMO pays all; without: 60 % of each line.
    expect(whole).toMatchObject({ billableDays, totalCents: 7_800, amoShareCents: 7_800, patientShareCents: 0 });
    expect(partial).toMatchObject({ billableDays, totalCents: 7_800, amoShareCents: 4_680, patientShareCents: 3_120 });
    expect(whole.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'OPERATOR', code: 'TVB', payee: wf.actors.operator.org, amountCents: 2_800 }),
        expect.objectContaining({ kind: 'TECHNICAL', code: device.lppCode, payee: device.exploitant.siret, amountCents: 5_000 }),
      ]),
    );
    claims = { whole, partial };
  });

  it('lets the claims processor find both claims in the queue, read one and approve it, in the browser', async () => {
    page = await world.signIn(wf.actors.claimsProcessor.token);
    await page.getByLabel('Mois facturé').fill(m);
    const queue = page.getByRole('table', { name: 'Demandes de remboursement reçues' });
    await queue.getByRole('link', { name: claims.whole.id }).waitFor();
    await queue.getByRole('link', { name: claims.partial.id }).waitFor();
    expect(await cellsOf(queue.getByRole('row', { name: new RegExp(claims.partial.id) }))).toEqual([
      claims.partial.id,
      formatPeriod(m, 'fr'),
      String(claims.partial.billableDays),
      '78,00 €',
      '46,80 €',
      claims.partial.tariffVersion,
      'Soumis',
    ]);
    await checkScreen(page, 'claims_processor-queue');

    await queue.getByRole('link', { name: claims.whole.id }).click();
    await page.getByRole('heading', { level: 1, name: 'Demande de remboursement' }).waitFor();
    const lines = page.getByRole('table', { name: 'Lignes de la demande' });
    await lines.waitFor();
    expect(await cellsOf(lines.getByRole('row', { name: /Forfait opérateur/ }))).toEqual(['Forfait opérateur', 'TVB', wf.actors.operator.org, '28,00 €', '28,00 €', '—', '—']);
    expect(await cellsOf(lines.getByRole('row', { name: /Forfait technique/ }))).toEqual(['Forfait technique', device.lppCode, device.exploitant.siret, '50,00 €', '50,00 €', '—', '—']);
    const facts = await textOf(page, 'region', 'Informations');
    expect(facts).toContain(`Jours facturables${claims.whole.billableDays}`);
    expect(facts).toContain(`Version du tarif${claims.whole.tariffVersion}`);
    expect(await textOf(page, 'region', 'Montants')).toContain('Montant des forfaits78,00 €Part AMO78,00 €Part patient0,00 €');
    await checkScreen(page, 'claims_processor-claim');

    await page.getByRole('radio', { name: 'Accepter la demande' }).check();
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    // The payment job pays it within a second (PAYMENT_DELAY_MS): the screen follows it.
    await page.locator('.page-header').getByText('Payée', { exact: true }).waitFor();
    await page.getByText('Référence du paiement').waitFor();
    expect(await textOf(page, 'region', 'Montants')).toContain('Montant accepté78,00 €');
    expect(await waitForPayment(wf, claims.whole.id)).toMatchObject({ status: 'PAID', approvedCents: 7_800 });
  });

  it('lets the claims processor decide the other claim line by line: the operator fee approved, the technical fee rejected', async () => {
    await page.getByRole('link', { name: 'Retour à la file de liquidation' }).click();
    await page.getByLabel('Mois facturé').fill(m);
    const queue = page.getByRole('table', { name: 'Demandes de remboursement reçues' });
    await queue.getByRole('link', { name: claims.partial.id }).click();
    await page.getByRole('heading', { level: 1, name: 'Demande de remboursement' }).waitFor();
    await page.getByRole('radio', { name: 'Décider ligne par ligne' }).check();
    const total = page.locator('output');
    expect(plain(await total.textContent())).toBe('Montant accepté : 0,00 € sur 78,00 € (part AMO 0,00 €) 2 lignes restent à décider.');
    await page.getByRole('group', { name: /Forfait opérateur/ }).getByRole('radio', { name: 'Accepter', exact: true }).check();
    expect(plain(await total.textContent())).toBe('Montant accepté : 28,00 € sur 78,00 € (part AMO 16,80 €) 1 ligne reste à décider.');
    const technical = page.getByRole('group', { name: /Forfait technique/ });
    await technical.getByRole('radio', { name: 'Rejeter', exact: true }).check();
    // Without its reason code the rejected line is refused beside its field, before any call.
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Choisissez le motif du rejet.');
    await technical.getByLabel('Motif du rejet de la ligne').selectOption({ label: 'Tarif non conforme' });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(plain(await total.textContent())).toBe('Montant accepté : 28,00 € sur 78,00 € (part AMO 16,80 €)');
    await checkScreen(page, 'claims_processor-partial');

    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.locator('.page-header').getByText('Payée', { exact: true }).waitFor();
    const lines = page.getByRole('table', { name: 'Lignes de la demande' });
    await lines.waitFor();
    expect((await cellsOf(lines.getByRole('row', { name: /Forfait opérateur/ }))).slice(3)).toEqual(['28,00 €', '16,80 €', '28,00 €', 'Acceptée']);
    expect((await cellsOf(lines.getByRole('row', { name: /Forfait technique/ }))).slice(3)).toEqual(['50,00 €', '0,00 €', '0,00 €', 'Rejetée : Tarif non conforme']);
    expect(await textOf(page, 'region', 'Montants')).toContain('Montant accepté28,00 €');

    const paid = await waitForPayment(other, claims.partial.id);
    expect(paid).toMatchObject({ status: 'PAID', approvedCents: 2_800 });
    expect(paid.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'OPERATOR', approvedCents: 2_800 }),
        expect.objectContaining({ kind: 'TECHNICAL', approvedCents: 0, rejection: expect.objectContaining({ reasonCode: 'TARIFF_MISMATCH' }) }),
      ]),
    );
  });

  it('shows the remittances once paid: each payee paid the AMO share of its approved lines', async () => {
    const remitted = await pollUntil(
      'the remittances of both claims',
      async () => {
        const { body } = await wf.client.get<ApiPage<RemittanceView>>(`/v1/remittances?period=${m}`, { token: wf.actors.claimsProcessor.token });
        const paidClaims = new Set(body.items.flatMap((remittance) => remittance.claims.map((claim) => claim.claimId)));
        return paidClaims.has(claims.whole.id) && paidClaims.has(claims.partial.id) ? body.items : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    const paidTo = (payee: string) => remitted.filter((remittance) => remittance.payee === payee).reduce((sum, remittance) => sum + remittance.totalCents, 0);
    // The operator: 28,00 € (ALD) + 60 % of 28,00 €; the exploitant: the first claim's 50,00 € only (the second's technical fee was rejected).
    expect(paidTo(wf.actors.operator.org)).toBe(2_800 + 1_680);
    expect(paidTo(device.exploitant.siret)).toBe(5_000);
    const toExploitant = remitted.find((remittance) => remittance.payee === device.exploitant.siret)!;

    await page.getByRole('link', { name: 'Avis de paiement' }).click();
    await page.getByLabel('Mois des demandes payées').fill(m);
    const list = page.getByRole('table', { name: 'Avis de paiement par bénéficiaire' });
    // One reference per payment run, shared by its payees: the exploitant's advice is the row of both.
    const row = list.getByRole('row', { name: new RegExp(`${toExploitant.reference} ${device.exploitant.siret}`) });
    await row.waitFor();
    expect(await cellsOf(row)).toEqual([toExploitant.reference, device.exploitant.siret, parisTime(toExploitant.paidAt), '1', '50,00 €']);
    await checkScreen(page, 'claims_processor-remittances');

    await row.getByRole('link', { name: device.exploitant.siret }).click();
    await page.getByRole('heading', { level: 1, name: 'Avis de paiement' }).waitFor();
    expect(await textOf(page, 'region', 'Informations')).toContain('Montant versé50,00 €');
    const paidLines = page.getByRole('table', { name: 'Lignes payées (part AMO)' });
    await paidLines.waitFor();
    expect(await cellsOf(paidLines.getByRole('row', { name: new RegExp(claims.whole.id) }))).toEqual([claims.whole.id, formatPeriod(m, 'fr'), 'Forfait technique', device.lppCode, '50,00 €']);
    expect(await paidLines.textContent()).not.toContain(claims.partial.id);
    await checkScreen(page, 'claims_processor-remittance');
    await page.context().close();
  });
});
