import { describe, expect, it } from 'vitest';
import { alpha3FromNumeric } from '../../../scripts/basemap/iso.ts';

describe('alpha3FromNumeric', () => {
  it.each([
    ['004', 'AFG'],
    ['643', 'RUS'],
    ['398', 'KAZ'],
    ['051', 'ARM'],
    ['112', 'BLR'],
    ['417', 'KGZ'],
    ['762', 'TJK'],
    ['860', 'UZB'],
    ['792', 'TUR'],
    [4, 'AFG'],
    ['4', 'AFG'],
  ])('%s → %s', (numeric, alpha3) => {
    expect(alpha3FromNumeric(numeric)).toBe(alpha3);
  });
  it('gives null, not a guess, for units without a code', () => {
    expect(alpha3FromNumeric(undefined)).toBeNull();
    expect(alpha3FromNumeric(null)).toBeNull();
    expect(alpha3FromNumeric('')).toBeNull();
    expect(alpha3FromNumeric('999')).toBeNull();
  });
});
