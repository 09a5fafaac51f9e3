import { newClusterId } from './cluster-id';

describe('newClusterId', () => {
  it('is 16 bytes in base64url', () => {
    expect(newClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });

  it('draws again when the id would start with "-", which the storage tool takes for an option', () => {
    // 0xf8 encodes to a leading '-' in base64url.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    const random = jest.fn((size: number) => draws.shift()!.subarray(0, size));
    expect(Buffer.alloc(16, 0xf8).toString('base64url').startsWith('-')).toBe(true);
    expect(newClusterId(random)).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
    expect(random).toHaveBeenCalledTimes(2);
  });
});
