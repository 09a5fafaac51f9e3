import { Logger } from '@nestjs/common';
import type { JwtHeader, Secret } from 'jsonwebtoken';
import { createPublicKey, createSecretKey } from 'node:crypto';
import { JwksClient } from 'jwks-rsa';
import { type AuthConfig, verificationMode } from './auth.config';
import { keysUnavailable, tokenInvalid } from './auth.errors';

/**
 * The key and the ONE algorithm a token may use. Pinning the algorithm to the
 * configured key type is what stops `alg: none` and the HS256-signed-with-the-
 * public-key confusion attack.
 */
export interface SigningKeySource {
  algorithm: 'HS256' | 'RS256';
  keyFor(header: JwtHeader): Promise<Secret>;
}

/**
 * A configured key is turned into a KeyObject once: given a string,
 * jsonwebtoken parses it again at every verify, and for an HMAC secret it
 * first tries it as a public key, which throws (a native parse and an Error
 * with its stack each time: a fifth of the gateway's CPU under load).
 */
export function signingKeySource(config: AuthConfig): SigningKeySource {
  switch (verificationMode(config)) {
    case 'rs256-pem': {
      const key = createPublicKey(config.jwtPublicKey!);
      return { algorithm: 'RS256', keyFor: async () => key };
    }
    case 'rs256-jwks':
      return { algorithm: 'RS256', keyFor: jwksKeyLookup(config.jwksUrl!) };
    case 'hs256': {
      const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
      return { algorithm: 'HS256', keyFor: async () => key };
    }
  }
}

const logger = new Logger('JwksKeyLookup');

function jwksKeyLookup(jwksUri: string): SigningKeySource['keyFor'] {
  // Keys are cached and cache misses rate-limited, so random `kid`s cannot
  // make us hammer the key server.
  const client = new JwksClient({ jwksUri, cache: true, rateLimit: true, jwksRequestsPerMinute: 10, timeout: 5_000 });
  return async (header) => {
    if (!header.kid) throw tokenInvalid("header 'kid' is required to pick the signing key");
    try {
      return (await client.getSigningKey(header.kid)).getPublicKey();
    } catch (error: unknown) {
      const name = error instanceof Error ? error.name : '';
      // An unknown kid is the token's fault; an unreachable key server is not.
      if (name === 'SigningKeyNotFoundError' || name === 'JwksRateLimitError') {
        throw tokenInvalid('no published signing key matches its kid');
      }
      logger.warn(`JWKS lookup failed: ${error instanceof Error ? error.message : String(error)}`);
      throw keysUnavailable();
    }
  };
}
