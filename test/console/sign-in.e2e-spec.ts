import { devToken, freshActors } from '../../scripts/workflow';
import { checkScreen } from './support/console-browser';
import { ConsolePlatform } from './support/console-platform';

jest.setTimeout(120_000);

/** The console served by the gateway at `/`, and its sign-in, for every role that has one. */
describe('the web console: served by the gateway, signed in with a development token', () => {
  let world: ConsolePlatform;
  const actors = freshActors();

  beforeAll(async () => {
    world = await ConsolePlatform.start();
  }, 300_000);

  afterAll(async () => {
    await world?.stop();
  });

  it('serves the console at / and any console path, while API paths keep their JSON answers', async () => {
    const home = await fetch(`${world.baseUrl}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await home.text()).toContain('<div id="root"></div>');
    const deep = await fetch(`${world.baseUrl}/physician/prescriptions`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    const api = await fetch(`${world.baseUrl}/v1/nothing-here`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: expect.any(String) } });
    const missingAsset = await fetch(`${world.baseUrl}/assets/missing.js`);
    expect(missingAsset.status).toBe(404);
    const config = await fetch(`${world.baseUrl}/console/config.json`);
    expect(await config.json()).toEqual({ auth: { developmentTokens: true } });
  });

  it('shows the sign-in page in French, accessible, and refuses what is not a token', async () => {
    const context = await world.browser.newContext({ baseURL: world.baseUrl, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await checkScreen(page, 'sign-in');
    await page.getByLabel('Jeton de développement').fill('not-a-token');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('n’est pas un jeton valide');
    await context.close();
  });

  it.each([
    ['vendor', actors.vendor.token, '/vendor', 'Mes produits'],
    ['evaluator', actors.evaluator.token, '/evaluator', 'File d’évaluation'],
    ['physician', actors.physician.token, '/physician', 'Mes ordonnances de télésurveillance'],
    ['operator', actors.operator.token, '/operator', 'Télésurveillances à traiter'],
    ['claims_processor', actors.claimsProcessor.token, '/claims', 'File de liquidation'],
    ['auditor', actors.auditor.token, '/auditor', 'Têtes d’arbre du journal'],
  ])('signs a %s in to their own first screen, its list loaded from the API, accessible', async (role, token, home, title) => {
    const page = await world.signIn(token);
    expect(new URL(page.url()).pathname).toBe(home);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    // The first table's pager says the API answered (a fresh actor's lists are empty: "0 au total"), or the auditor's head shows.
    if (role !== 'auditor') await page.getByText(/Page 1 sur 1 \(0 au total\)/).first().waitFor();
    await checkScreen(page, `${role}-home`);
    // Another role's screens are not this one's: their path leads home.
    await page.goto(home === '/vendor' ? '/auditor' : '/vendor');
    await page.waitForURL(`**${home}`);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByLabel('Jeton de développement').waitFor();
    await page.context().close();
  });

  it('is used with the keyboard alone: the skip link, the sign-in, the navigation', async () => {
    const context = await world.browser.newContext({ baseURL: world.baseUrl });
    const page = await context.newPage();
    await page.goto('/');
    /** The focused element's accessible text: its label's (a control), else its own. */
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
        return { id: element.id, text: (element.labels?.[0]?.textContent ?? element.textContent ?? '').trim() };
      });
    const tabTo = async (text: string) => {
      for (let presses = 0; presses < 12 && (await focused()).text !== text; presses++) await page.keyboard.press('Tab');
      expect((await focused()).text).toBe(text);
    };
    // The sign-in form replaces the loading screen once the console's configuration has come:
    // a key pressed before it lands on a page that is about to be replaced.
    await page.getByLabel('Jeton de développement').waitFor();
    // The first stop is the skip link; following it puts the focus on the content.
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('main');
    await tabTo('Jeton de développement');
    await page.keyboard.insertText(actors.vendor.token);
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Se connecter');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/vendor');
    await page.getByRole('heading', { level: 1, name: 'Mes produits' }).waitFor();
    // The role's navigation is reached and followed with the keyboard too.
    await tabTo('Enregistrer un produit');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Enregistrer un produit' }).waitFor();
    await tabTo('Nom commercial');
    await context.close();
  });

  it('refuses a role without a console, and switches to English', async () => {
    const context = await world.browser.newContext({ baseURL: world.baseUrl });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Langue').selectOption('en');
    await page.getByLabel('Development token').fill(devToken({ role: 'patient', nir: actors.patient.nir, sub: 'patient-1' }));
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('The role "patient" has no console');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });
});
