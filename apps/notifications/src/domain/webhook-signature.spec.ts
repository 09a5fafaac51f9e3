import { signatureMatches, webhookSignature } from './webhook-signature';

describe('the webhook signature', () => {
  const body = '{"id":"0193","type":"DEVICE_SUSPENDED"}';

  it('is the lowercase hex HMAC-SHA256 of the body (RFC 4231 test case 2)', () => {
    expect(webhookSignature('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('verifies for the body and secret it was made with, and for nothing else', () => {
    const signature = webhookSignature('s3cret-of-the-operator', body);
    expect(signatureMatches('s3cret-of-the-operator', body, signature)).toBe(true);
    expect(signatureMatches('s3cret-of-the-operator', `${body} `, signature)).toBe(false);
    expect(signatureMatches('another-secret', body, signature)).toBe(false);
    expect(signatureMatches('s3cret-of-the-operator', body, signature.toUpperCase())).toBe(false);
    expect(signatureMatches('s3cret-of-the-operator', body, '')).toBe(false);
  });
});
