import { signDevToken } from '@app/auth';
import { ERROR_CODES, type Role } from '@app/contracts';
import { configureServiceApp, extendConfig, ServiceKitModule } from '@app/service-kit';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AMO_RIGHTS_PORT, type AmoRightsPort } from './amo-rights.port';
import { AMO_RIGHTS_PROVIDERS, amoRightsSimulatorControllers } from './amo-rights.providers';
import { AMO_RIGHTS_SIMULATOR_CONFIG } from './amo-rights-simulator.config';

const PSEUDONYM = 'ab'.repeat(32);
const identity = { pseudonym: PSEUDONYM, nir: '184037512345690', birthDate: '1984-03-01' };
const bearer = (role: Role) => `Bearer ${signDevToken({ role })}`;

/** The simulator's endpoint through the kit's real guards, pipes and error filter; no database (it keeps nothing there). */
describe('PUT /internal/amo-rights-simulator/:pseudonym (the simulated AMO, through HTTP)', () => {
  let app: INestApplication;
  const put = (pseudonym: string, body: object, role: Role | null = 'admin') => {
    const call = request(app.getHttpServer()).put(`/internal/amo-rights-simulator/${pseudonym}`);
    return (role ? call.set('Authorization', bearer(role)) : call).send(body);
  };

  /** `nodeEnv` decides the mounting only: the config stays a test's (production's would want a real JWT issuer). */
  async function start(nodeEnv: 'test' | 'production', settings: Record<string, string> = {}): Promise<INestApplication> {
    const config = extendConfig(AMO_RIGHTS_SIMULATOR_CONFIG)({ ...process.env, ...settings, NODE_ENV: 'test' }, { defaultPort: 3999 });
    const moduleRef = await Test.createTestingModule({
      imports: [ServiceKitModule.forRoot({ name: 'amo-simulator-test', config, readiness: {} })],
      controllers: amoRightsSimulatorControllers(nodeEnv),
      providers: AMO_RIGHTS_PROVIDERS,
    }).compile();
    const started = moduleRef.createNestApplication();
    configureServiceApp(started, 'amo-simulator-test');
    await started.init();
    return started;
  }

  beforeAll(async () => {
    app = await start('test');
  });
  afterAll(() => app.close());

  it('sets the answer the port gives for that patient: 204, failing first as many times as asked', async () => {
    await put(PSEUDONYM, { status: 'CLOSED', failTimes: 1 }).expect(204, '');
    const port = app.get<AmoRightsPort>(AMO_RIGHTS_PORT);
    await expect(port.check(identity)).rejects.toThrow('simulated AMO unavailable');
    await expect(port.check(identity)).resolves.toBe('CLOSED');
    await expect(port.check({ ...identity, pseudonym: 'cd'.repeat(32) })).resolves.toBe('OPEN');
  });

  it('is for admins: 401 without a token, 403 for any other role', async () => {
    await put(PSEUDONYM, { status: 'OPEN' }, null).expect(401);
    const refused = await put(PSEUDONYM, { status: 'OPEN' }, 'operator').expect(403);
    expect(refused.body.error.code).toBe(ERROR_CODES.forbidden);
  });

  it.each([
    ['a NIR instead of a pseudonym', '184037512345690', { status: 'OPEN' }, 'pseudonym'],
    ['an unknown status', PSEUDONYM, { status: 'MAYBE' }, 'status'],
    ['a negative failure count', PSEUDONYM, { status: 'OPEN', failTimes: -1 }, 'failTimes'],
    ['a fractional failure count', PSEUDONYM, { status: 'OPEN', failTimes: 1.5 }, 'failTimes'],
    ['an unknown field', PSEUDONYM, { status: 'OPEN', nir: '184037512345690' }, 'nir'],
  ])('answers 400 naming the field for %s', async (_what, pseudonym, body, field) => {
    const response = await put(pseudonym, body).expect(400);
    expect(response.body.error.code).toBe(ERROR_CODES.validationFailed);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
  });

  it('answers AMO_RIGHTS_SIMULATOR_DEFAULT for a patient nobody set an answer for', async () => {
    const closedByDefault = await start('test', { AMO_RIGHTS_SIMULATOR_DEFAULT: 'CLOSED' });
    try {
      await expect(closedByDefault.get<AmoRightsPort>(AMO_RIGHTS_PORT).check(identity)).resolves.toBe('CLOSED');
    } finally {
      await closedByDefault.close();
    }
  });

  it('does not exist in production: 404 like any unknown path, while the port still answers', async () => {
    const production = await start('production');
    try {
      await request(production.getHttpServer())
        .put(`/internal/amo-rights-simulator/${PSEUDONYM}`)
        .set('Authorization', bearer('admin'))
        .send({ status: 'CLOSED' })
        .expect(404);
      await expect(production.get<AmoRightsPort>(AMO_RIGHTS_PORT).check(identity)).resolves.toBe('OPEN');
    } finally {
      await production.close();
    }
  });
});
