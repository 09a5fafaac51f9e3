import { hashBytes, pathBytes } from './hash-bytes';

describe('hashBytes and pathBytes: untrusted hex read strictly', () => {
  const hash = 'ab'.repeat(32);

  it('reads 32 bytes of lowercase hex', () => {
    expect(hashBytes(hash)).toEqual(new Uint8Array(32).fill(0xab));
    expect(pathBytes([hash, '00'.repeat(32)])).toHaveLength(2);
    expect(pathBytes([])).toEqual([]);
  });

  it('refuses a short, long, uppercase or non-string hash, and a path holding one', () => {
    expect(hashBytes('ab'.repeat(31))).toBeNull();
    expect(hashBytes('ab'.repeat(33))).toBeNull();
    expect(hashBytes('AB'.repeat(32))).toBeNull();
    expect(hashBytes(42)).toBeNull();
    expect(pathBytes([hash, 'zz'])).toBeNull();
    expect(pathBytes('not a path')).toBeNull();
  });
});
