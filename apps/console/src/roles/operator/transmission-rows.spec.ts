import { ApiError } from '../../api/api-error';
import { transmissionItems } from './transmission-rows';

describe('transmissionItems: the form rows as the API batch', () => {
  it('sends each typed Paris time as its UTC instant, network and kind kept', () => {
    expect(
      transmissionItems(
        [
          { at: '2026-03-02T08:45', network: 'CELLULAR_4G', kind: 'PERIODIC' },
          { at: '2026-03-02T08:55', network: 'LPWAN', kind: 'ALERT' },
        ],
        'bad',
      ),
    ).toEqual([
      { at: '2026-03-02T07:45:00.000Z', network: 'CELLULAR_4G', kind: 'PERIODIC' },
      { at: '2026-03-02T07:55:00.000Z', network: 'LPWAN', kind: 'ALERT' },
    ]);
  });

  it('names the row whose time is missing', () => {
    const rows = [
      { at: '2026-03-02T08:45', network: 'CELLULAR_4G', kind: 'PERIODIC' },
      { at: '', network: 'CELLULAR_4G', kind: 'PERIODIC' },
    ];
    expect(() => transmissionItems(rows, 'Date et heure requises')).toThrow(ApiError);
    try {
      transmissionItems(rows, 'Date et heure requises');
    } catch (error) {
      expect((error as ApiError).fieldProblems).toEqual([{ field: 'items[1].at', code: 'INVALID', message: 'Date et heure requises' }]);
    }
  });
});
