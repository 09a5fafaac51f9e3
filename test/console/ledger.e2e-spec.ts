import { fromHex } from '@app/audit/hex';
import { verifyConsistency } from '@app/audit/merkle-verify';
import { verifyTreeHead, type LedgerPublicKey, type SignedTreeHead } from '@app/audit/tree-head';
import { TOPICS } from '@app/contracts';
import { Kafka, logLevel } from 'kafkajs';
import type { Page } from 'playwright-core';
import { AuditStream, draft, serviceSigner } from '../../apps/audit-ledger/src/testing/audit-stream.fixture';
import { formatDateTime } from '../../apps/console/src/format/dates';
import { readBrokerCredentials } from '../../scripts/infra/broker-credentials';
import { kafkaSettings } from '../../scripts/infra/kafka-settings';
import { certifyDevice, freshActors, pollUntil, prescribe, registerDevice, type Device, type Prescription } from '../../scripts/workflow';
import { checkScreen } from './support/console-browser';
import { ConsolePlatform } from './support/console-platform';

jest.setTimeout(240_000);

interface EntryView {
  index: number;
  entry: { id: string; action: string; occurredAt: string; service: string };
  leafHash: string;
}

/**
 * The auditor's ledger explorer, in the browser, against one running
 * platform: entries produced through the API (a device registered and
 * certified, then prescribed), and a forged entry published on
 * audit.entries.v1 by a principal allowed to write there (the prescription
 * service's, on the platform's own broker), which the ledger quarantines.
 * Every verification the auditor sees is the browser's own (libs/audit).
 */
describe('the auditor console: the ledger explorer, every proof checked in the browser', () => {
  let world: ConsolePlatform;
  let page: Page;
  const actors = freshActors();
  let device: Device;
  let prescription: Prescription;
  let forgedEntryId: string;
  const auditor = { token: actors.auditor.token };
  const get = async <T>(path: string): Promise<T> => (await world.client.get<T>(path, { ...auditor, expect: 200 })).body;

  beforeAll(async () => {
    world = await ConsolePlatform.start();
    const wf = world.flow(actors);
    device = await certifyDevice(wf, await registerDevice(wf));
    prescription = await prescribe(wf, device);
    // The ledger appends within seconds; the explorer needs the entries and a signed head that covers them.
    await pollUntil(
      'the device’s entries in the ledger, under a signed head',
      async () => {
        const entries = await get<{ items: EntryView[] }>(`/v1/ledger/entries?subject=device:${device.deviceId}&pageSize=200`);
        const actions = entries.items.map((e) => e.entry.action);
        const head = await get<SignedTreeHead>('/v1/ledger/tree-head');
        const heads = await get<{ items: SignedTreeHead[] }>('/v1/ledger/tree-heads?pageSize=10');
        return actions.includes('device.certified') && actions.includes('prescription.issued') && entries.items.every((e) => e.index < head.treeSize) && heads.items.filter((h) => h.treeSize > 0).length >= 2;
      },
      { timeoutMs: 60_000 },
    );
    forgedEntryId = await publishForgedCertification(world, device.deviceId);
    page = await world.signIn(actors.auditor.token);
  }, 300_000);

  afterAll(async () => {
    await page?.context().close();
    await world?.stop();
  });

  it('shows the signed tree head verified in the browser, and a consistency proof between two past heads verified', async () => {
    const current = page.getByRole('region', { name: 'Tête d’arbre signée actuelle' });
    await current.getByText('Tête d’arbre vérifiée dans le navigateur.').waitFor();
    const key = await get<LedgerPublicKey>('/v1/ledger/public-key');
    const shown = await current.textContent();
    expect(shown).toContain(key.keyId);
    // The head the screen shows is one the ledger signed: its root, and its time in Paris (the browser is in New York).
    const size = Number(/(\d+) entrées/.exec(shown ?? '')?.[1]);
    const heads = await get<{ items: SignedTreeHead[] }>('/v1/ledger/tree-heads?pageSize=10');
    const head = heads.items.find((h) => h.treeSize === size) ?? (await get<SignedTreeHead>('/v1/ledger/tree-head'));
    expect(head.treeSize).toBe(size);
    expect(shown).toContain(head.rootHash);
    expect(shown).toContain(formatDateTime(head.timestamp, 'fr'));
    expect(verifyTreeHead(key.publicKeyPem, head)).toBe(true);

    // An older head inside the tree (not the empty one), of a size not a power of two when there is one: a proof with hashes to walk.
    const newer = heads.items[0];
    const inside = heads.items.filter((h) => h.treeSize > 0 && h.treeSize < newer.treeSize);
    const older = inside.find((h) => (h.treeSize & (h.treeSize - 1)) !== 0) ?? inside[0];
    expect(older.treeSize).toBeLessThan(newer.treeSize);
    const past = page.getByRole('table', { name: 'Têtes d’arbre signées, les plus récentes d’abord' });
    await past.getByRole('button', { name: `Prendre la taille ${older.treeSize} comme origine` }).click();
    await past.getByRole('button', { name: `Prendre la taille ${newer.treeSize} comme cible` }).click();
    expect(await page.getByLabel('Taille d’origine').inputValue()).toBe(String(older.treeSize));
    expect(await page.getByLabel('Taille cible').inputValue()).toBe(String(newer.treeSize));
    await page.getByRole('button', { name: 'Vérifier la cohérence' }).click();
    await page.getByText(`Cohérence vérifiée : l’arbre de taille ${older.treeSize} est un préfixe de l’arbre de taille ${newer.treeSize}.`).waitFor();
    await checkScreen(page, 'auditor-tree-heads');
    // What the browser checked, checked again here on the API's own answer.
    const proof = await get<{ path: string[] }>(`/v1/ledger/consistency-proof?from=${older.treeSize}&to=${newer.treeSize}`);
    expect(proof.path.length).toBeGreaterThan(0);
    expect(verifyConsistency(older.treeSize, newer.treeSize, fromHex(older.rootHash), fromHex(newer.rootHash), proof.path.map(fromHex))).toBe(true);
  });

  it('searches the device’s entries, opens its certification and sees its seal, leaf and inclusion proof verified', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Entrées par sujet' }).click();
    await page.getByLabel('Sujet', { exact: true }).fill(`  Device:${device.deviceId.toUpperCase()} `);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const table = page.getByRole('table', { name: `Entrées dont le sujet ou un sujet lié est device:${device.deviceId}` });
    const certifiedRow = table.getByRole('row').filter({ hasText: 'device.certified' });
    await certifiedRow.waitFor();
    const api = await get<{ items: EntryView[]; total: number }>(`/v1/ledger/entries?subject=device:${device.deviceId}&pageSize=200`);
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(api.items.length);
    expect(rows.join('\n')).toContain('device.registered');
    expect(rows.join('\n')).toContain('prescription.issued');
    expect(rows.join('\n')).toContain(`prescription:${prescription.id}`);
    const certified = api.items.find((e) => e.entry.action === 'device.certified')!;
    const rowText = await certifiedRow.textContent();
    expect(rowText).toContain(formatDateTime(certified.entry.occurredAt, 'fr'));
    expect(rowText).toContain('Certifié');
    expect(rowText).toContain('Organisme évaluateur');
    expect(new URL(page.url()).searchParams.get('subject')).toBe(`device:${device.deviceId}`);
    await checkScreen(page, 'auditor-entries');

    await certifiedRow.getByRole('link', { name: `Entrée ${certified.index}` }).click();
    await page.getByRole('heading', { level: 1, name: `Entrée ${certified.index} du journal` }).waitFor();
    const checks = page.getByRole('region', { name: 'Vérification dans le navigateur' });
    await checks.getByText('Entrée vérifiée : scellée par son service, inchangée et incluse dans l’arbre signé.').waitFor();
    expect(await checkOf(page, 'Sceau du service auteur')).toMatch(/^✓ Vérifié — par device-certification, clé [0-9a-f]{64}/);
    expect(await checkOf(page, 'Empreinte de feuille recalculée depuis les octets de l’entrée')).toContain(`calculée ${certified.leafHash} ; servie ${certified.leafHash}`);
    expect(await checkOf(page, 'Preuve d’inclusion dans l’arbre signé')).toBe('✓ Vérifié');
    expect(await checkOf(page, 'Signature de la tête d’arbre')).toMatch(/^✓ Vérifié — arbre de taille \d+/);
    expect(await page.getByRole('region', { name: 'JSON de l’entrée' }).textContent()).toContain(`"id": "${certified.entry.id}"`);
    await checkScreen(page, 'auditor-entry');
  });

  it('says the same entry is not verified when its inclusion proof is altered on its way to the browser', async () => {
    const pattern = '**/v1/ledger/entries/*/inclusion-proof**';
    await page.route(pattern, async (route) => {
      const response = await route.fetch();
      const proof = (await response.json()) as { path: string[] };
      proof.path[0] = `${proof.path[0].startsWith('00') ? 'ff' : '00'}${proof.path[0].slice(2)}`;
      await route.fulfill({ response, json: proof });
    });
    try {
      await page.reload();
      const checks = page.getByRole('region', { name: 'Vérification dans le navigateur' });
      await checks.getByText('Entrée non vérifiée : au moins un contrôle a échoué.').waitFor();
      expect(await checkOf(page, 'Preuve d’inclusion dans l’arbre signé')).toBe('✗ Non vérifié');
      // Only the proof was touched: the seal and the leaf still verify.
      expect(await checkOf(page, 'Sceau du service auteur')).toMatch(/^✓ Vérifié/);
      expect(await checkOf(page, 'Empreinte de feuille recalculée depuis les octets de l’entrée')).toMatch(/^✓ Vérifié/);
      await checkScreen(page, 'auditor-entry-tampered-proof');
    } finally {
      await page.unroute(pattern);
    }
  });

  it('shows the forged entry among the quarantine alerts, its seal refused in the browser too', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Quarantaine et alertes' }).click();
    const table = page.getByRole('table', { name: 'Alertes à traiter : entrées en quarantaine, les plus récentes d’abord' });
    const row = table.getByRole('row').filter({ hasText: forgedEntryId });
    // The seal is re-checked once the signer registry has come in.
    await row.getByText(/Sceau refusé/).waitFor();
    const text = await row.textContent();
    expect(text).toContain('Signataire inconnu pour ce service');
    expect(text).toContain('SIGNER_UNKNOWN');
    expect(text).toContain('Sceau refusé : SIGNER_UNKNOWN');
    expect(text).toContain('conforme au motif du journal');
    expect(text).toContain('service device-certification');
    expect(text).toContain(TOPICS.auditEntries);
    await checkScreen(page, 'auditor-quarantine');
    // The ledger holds it in quarantine only: never among the device's entries.
    const quarantine = await get<{ items: Array<{ entryId: string; reason: string }> }>('/v1/ledger/quarantine?pageSize=200');
    expect(quarantine.items.find((item) => item.entryId === forgedEntryId)?.reason).toBe('SIGNER_UNKNOWN');
    const entries = await get<{ items: EntryView[] }>(`/v1/ledger/entries?subject=device:${device.deviceId}&pageSize=200`);
    expect(entries.items.map((e) => e.entry.id)).not.toContain(forgedEntryId);
  });

  it('shows the signers with their validity, each key id recomputed in the browser', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Signataires' }).click();
    const table = page.getByRole('table', { name: 'Clés de scellement des services, avec leur validité (horloge de la plateforme)' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'device-certification', exact: true }) });
    // The state is the one at the latest signed head (the platform clock), once it has come in.
    await row.first().getByText('En vigueur').waitFor();
    const signers = await get<{ items: Array<{ service: string; keyId: string }> }>('/v1/ledger/signers');
    expect(await table.locator('tbody tr').count()).toBe(signers.items.length);
    const deviceSigner = signers.items.find((s) => s.service === 'device-certification')!;
    const text = await row.first().textContent();
    expect(text).toContain(deviceSigner.keyId);
    expect(text).toContain('✓ Vérifié');
    expect(text).toContain('En vigueur');
    await checkScreen(page, 'auditor-signers');
  });
});

/** The `dd` of one check of a `dl.facts`, by its `dt`. */
async function checkOf(page: Page, label: string): Promise<string> {
  const dd = page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  return ((await dd.textContent()) ?? '').trim();
}

/**
 * The attack of test/forged-audit-entry.e2e-spec.ts on this platform's own
 * broker: the prescription service's principal (allowed to write
 * audit.entries.v1) publishes a certification of the device in the name of
 * device-certification, sealed with a key of its own making. Resolves with
 * the forged entry's id once the ledger has quarantined it.
 */
async function publishForgedCertification(world: ConsolePlatform, deviceId: string): Promise<string> {
  const settings = kafkaSettings({ ...process.env, KAFKA_BROKERS: world.platform.kafkaBrokers });
  const password = readBrokerCredentials(settings)?.services.prescription;
  if (!password) throw new Error(`no credential of the prescription principal on the broker ${world.platform.kafkaBrokers}`);
  const forgedStream = new AuditStream('device-certification', 'DeviceProduct', serviceSigner('device-certification').key);
  const forged = forgedStream.record(draft({ id: 'forger', role: 'evaluator' }, 'device.certified', `device:${deviceId}`, [], 'CERTIFIED'));
  const producer = new Kafka({
    clientId: 'ledger-console-forger',
    brokers: settings.brokers,
    sasl: { mechanism: 'scram-sha-512', username: 'prescription', password },
    logLevel: logLevel.NOTHING,
  }).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic: TOPICS.auditEntries, acks: -1, messages: [{ key: forgedStream.id, value: JSON.stringify(forgedStream.envelope(forged)) }] });
  } finally {
    await producer.disconnect();
  }
  const auditorToken = freshActors().auditor.token;
  await pollUntil(
    'the forged entry in quarantine',
    async () => {
      const quarantine = await world.client.get<{ items: Array<{ entryId: string }> }>('/v1/ledger/quarantine?pageSize=200', { token: auditorToken, expect: 200 });
      return quarantine.body.items.some((item) => item.entryId === forged.entry.id);
    },
    { timeoutMs: 30_000 },
  );
  return forged.entry.id;
}
