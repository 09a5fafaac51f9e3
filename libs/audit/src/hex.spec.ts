import { fromHex, toHex } from './hex';

describe('hex', () => {
  it('round-trips bytes as lowercase hex', () => {
    const bytes = Buffer.from([0x00, 0xab, 0xff]);
    expect(toHex(bytes)).toBe('00abff');
    expect(Buffer.from(fromHex('00ABff')).equals(bytes)).toBe(true);
  });

  it('encodes only the viewed bytes of a Uint8Array slice', () => {
    const view = new Uint8Array([1, 2, 3, 4]).subarray(1, 3);
    expect(toHex(view)).toBe('0203');
  });

  it.each(['0', 'abc', 'zz', '00 ', '0x00'])('rejects %j instead of truncating it', (bad) => {
    expect(() => fromHex(bad)).toThrow(TypeError);
  });

  it('decodes the empty string to no bytes', () => {
    expect(fromHex('')).toHaveLength(0);
  });
});
