import { Inject, Injectable } from '@nestjs/common';
import { decode, JsonWebTokenError, NotBeforeError, TokenExpiredError, verify } from 'jsonwebtoken';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';
import { tokenExpired, tokenInvalid } from './auth.errors';
import { principalFromClaims } from './principal-from-claims';
import type { Principal } from './principal';
import { checkTokenLifetime } from './token-lifetime';
import { signingKeySource, type SigningKeySource } from './signing-key-source';

/** Verifies a bearer token and turns its claims into a Principal, or throws a 401 DomainError. */
@Injectable()
export class JwtVerifier {
  private readonly source: SigningKeySource;

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {
    this.source = signingKeySource(config);
  }

  get algorithm(): SigningKeySource['algorithm'] {
    return this.source.algorithm;
  }

  async verify(token: string): Promise<Principal> {
    const decoded = decode(token, { complete: true });
    if (!decoded) throw tokenInvalid('not a well-formed JWT');
    if (decoded.header.alg !== this.source.algorithm) {
      throw tokenInvalid(`algorithm ${decoded.header.alg} is not accepted; expected ${this.source.algorithm}`);
    }
    const key = await this.source.keyFor(decoded.header);
    let payload: unknown;
    const nowSeconds = Math.floor(Date.now() / 1000);
    try {
      payload = verify(token, key, {
        algorithms: [this.source.algorithm],
        // Real time on purpose: CLOCK_OFFSET shifts the platform clock for
        // tests, and a shifted clock must not make a token live or die.
        clockTimestamp: nowSeconds,
        clockTolerance: this.config.clockToleranceSeconds,
        issuer: this.config.issuer,
        audience: this.config.audience,
      });
    } catch (error: unknown) {
      throw toAuthError(error);
    }
    checkTokenLifetime(payload, this.config, nowSeconds);
    return principalFromClaims(payload);
  }
}

/** jsonwebtoken's errors -> 401 DomainErrors; anything else is ours and passes through. */
function toAuthError(error: unknown): unknown {
  if (error instanceof TokenExpiredError) return tokenExpired(error.expiredAt);
  if (error instanceof NotBeforeError) return tokenInvalid(`not valid before ${error.date.toISOString()}`);
  if (error instanceof JsonWebTokenError) return tokenInvalid(error.message.replace(/^jwt /, ''));
  return error;
}
