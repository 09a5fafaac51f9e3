import { toggled } from './checkbox-selection';

describe('a checkbox group selection', () => {
  it("ticks and unticks a group's codes in the vocabulary's order", () => {
    const order = ['LPWAN', 'CELLULAR_4G', 'WIFI'] as const;
    expect(toggled(['WIFI'], 'LPWAN', true, order)).toEqual(['LPWAN', 'WIFI']);
    expect(toggled(['LPWAN', 'WIFI'], 'LPWAN', false, order)).toEqual(['WIFI']);
    expect(toggled(['WIFI'], 'WIFI', true, order)).toEqual(['WIFI']);
  });
});
