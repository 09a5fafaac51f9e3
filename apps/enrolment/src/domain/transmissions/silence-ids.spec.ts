import { identify } from './silence-ids';

describe('identify', () => {
  it('gives the new silences and their incidents ids and links them', () => {
    let n = 0;
    const newId = () => `id-${(n += 1)}`;
    const result = identify(
      {
        silences: {
          insert: [
            { key: 'silence-1', fromAt: 'a', toAt: 'b' },
            { key: 'silence-2', fromAt: 'c', toAt: null },
          ],
          update: [{ id: 's0', fromAt: 'x', toAt: 'y' }],
          delete: ['s9'],
        },
        incidents: {
          open: [{ silenceKey: 'silence-1', startedAt: 'a+', endedAt: 'b' }],
          update: [{ incidentId: 'i0', startedAt: 'x+', endedAt: 'y', change: 'LATE_TRANSMISSIONS' }],
          withdraw: ['i9'],
        },
      },
      newId,
    );
    expect(result.silences).toEqual({
      delete: ['s9'],
      update: [{ id: 's0', fromAt: 'x', toAt: 'y' }],
      insert: [
        { id: 'id-2', fromAt: 'a', toAt: 'b', incidentId: 'id-1' },
        { id: 'id-3', fromAt: 'c', toAt: null, incidentId: null },
      ],
    });
    expect(result.incidents).toEqual({
      open: [{ incidentId: 'id-1', startedAt: 'a+', endedAt: 'b' }],
      update: [{ incidentId: 'i0', startedAt: 'x+', endedAt: 'y', change: 'LATE_TRANSMISSIONS' }],
      withdraw: ['i9'],
    });
  });
});
