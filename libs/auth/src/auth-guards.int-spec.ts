import { Controller, Get, type INestApplication, Module, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ERROR_CODES } from '@app/contracts';
import { ApiExceptionFilter } from '@app/service-kit/http/api-exception.filter';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { AuthModule, CurrentPrincipal, DEV_JWT_SECRET, JwtVerifier, type Principal, Public, Roles, signDevToken } from './index';

@Controller('probe')
class ProbeController {
  @Public()
  @Get('health')
  health() {
    return { ok: true };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Roles('vendor')
  @Get('vendor-only')
  vendorOnly(@CurrentPrincipal() principal: Principal) {
    return { org: principal.org };
  }
}

@Roles('auditor')
@Controller('ledger')
class LedgerController {
  @Get()
  read() {
    return { ok: true };
  }

  // Method level overrides the class level.
  @Roles('admin')
  @Post('purge')
  purge() {
    return { ok: true };
  }
}

describe('JwtAuthGuard and RolesGuard over HTTP', () => {
  let app: INestApplication;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ jwtSecret: DEV_JWT_SECRET, clockToleranceSeconds: 0 })],
      controllers: [ProbeController, LedgerController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ApiExceptionFilter());
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const expectError = (body: unknown, code: string) => {
    expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String), details: [] }) });
  };

  it('lets @Public() routes through without a token', async () => {
    await request(app.getHttpServer()).get('/probe/health').expect(200, { ok: true });
  });

  it('answers 401 AUTH.TOKEN_MISSING without a token', async () => {
    const res = await request(app.getHttpServer()).get('/probe/me').expect(401);
    expectError(res.body, ERROR_CODES.authMissing);
  });

  it('answers 401 AUTH.TOKEN_INVALID for a malformed token or header', async () => {
    const res = await request(app.getHttpServer()).get('/probe/me').set(bearer('not.a.jwt')).expect(401);
    expectError(res.body, ERROR_CODES.authInvalid);
    const basic = await request(app.getHttpServer()).get('/probe/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    expectError(basic.body, ERROR_CODES.authInvalid);
  });

  it('answers 401 AUTH.TOKEN_EXPIRED with the expiry time', async () => {
    const exp = Math.floor(Date.now() / 1000) - 60;
    const res = await request(app.getHttpServer())
      .get('/probe/me')
      .set(bearer(sign({ sub: 'u', role: 'admin', exp }, DEV_JWT_SECRET)))
      .expect(401);
    expectError(res.body, ERROR_CODES.authExpired);
    expect(res.body.error.message).toBe(`token expired at ${new Date(exp * 1000).toISOString()}`);
  });

  it('answers 401 AUTH.TOKEN_INVALID for a wrong signature', async () => {
    const forged = signDevToken({ role: 'vendor', secret: 'not-the-platform-secret' });
    const res = await request(app.getHttpServer()).get('/probe/me').set(bearer(forged)).expect(401);
    expectError(res.body, ERROR_CODES.authInvalid);
    expect(res.body.error.message).toMatch(/signature/);
  });

  it('answers 403 AUTH.FORBIDDEN for a wrong role, naming the allowed ones', async () => {
    const res = await request(app.getHttpServer())
      .get('/probe/vendor-only')
      .set(bearer(signDevToken({ role: 'physician' })))
      .expect(403);
    expectError(res.body, ERROR_CODES.forbidden);
    expect(res.body.error.message).toBe('role physician may not do this; allowed: vendor');
  });

  it('answers 200 for the right role, with the principal available to the handler', async () => {
    await request(app.getHttpServer())
      .get('/probe/vendor-only')
      .set(bearer(signDevToken({ role: 'vendor', org: '73282932000074' })))
      .expect(200, { org: '73282932000074' });
    const me = await request(app.getHttpServer()).get('/probe/me').set(bearer(signDevToken({ role: 'physician', sub: 'doc-1' }))).expect(200);
    expect(me.body).toEqual({ sub: 'doc-1', role: 'physician', rpps: '10012345673', specialty: 'cardiology' });
  });

  it('applies class-level roles, overridden by method-level ones', async () => {
    const auditor = bearer(signDevToken({ role: 'auditor' }));
    await request(app.getHttpServer()).get('/ledger').set(auditor).expect(200);
    await request(app.getHttpServer()).get('/ledger').set(bearer(signDevToken({ role: 'admin' }))).expect(403);
    await request(app.getHttpServer()).post('/ledger/purge').set(auditor).expect(403);
    await request(app.getHttpServer()).post('/ledger/purge').set(bearer(signDevToken({ role: 'admin' }))).expect(201);
  });
});

const SETTINGS = 'SETTINGS';

@Module({ providers: [{ provide: SETTINGS, useValue: { secret: 'secret-from-the-service-config' } }], exports: [SETTINGS] })
class SettingsModule {}

describe('AuthModule.forRootAsync', () => {
  it('builds the verifier from injected settings', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AuthModule.forRootAsync({
          imports: [SettingsModule],
          inject: [SETTINGS],
          useFactory: (settings: { secret: string }) => ({ jwtSecret: settings.secret }),
          globalGuards: false,
        }),
      ],
    }).compile();
    const verifier = moduleRef.get(JwtVerifier);
    await expect(verifier.verify(signDevToken({ role: 'admin', secret: 'secret-from-the-service-config' }))).resolves.toMatchObject({
      role: 'admin',
    });
    await expect(verifier.verify(signDevToken({ role: 'admin' }))).rejects.toMatchObject({ code: ERROR_CODES.authInvalid });
  });
});
