import { themes } from 'prism-react-renderer';
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  ensureContrast,
  parseColor,
  withContrast,
} from '../../src/utils/contrast';

function worst(theme: ReturnType<typeof withContrast>): number {
  const bg = parseColor(theme.plain.backgroundColor ?? '#fff');
  if (!bg) throw new Error('no background');
  const colors = [theme.plain.color, ...theme.styles.map((s) => s.style.color)];
  return Math.min(
    ...colors.flatMap((c) => {
      const rgb = c ? parseColor(c) : null;
      return rgb ? [contrastRatio(rgb, bg)] : [];
    }),
  );
}

describe('code highlighting contrast', () => {
  it('the stock themes fail AA, which is why they are adjusted', () => {
    expect(worst(themes.github)).toBeLessThan(4.5);
    expect(worst(themes.dracula)).toBeLessThan(4.5);
  });

  it('the adjusted light and dark themes reach 4.5:1 for every token', () => {
    expect(worst(withContrast(themes.github))).toBeGreaterThanOrEqual(4.5);
    expect(worst(withContrast(themes.dracula))).toBeGreaterThanOrEqual(4.5);
  });

  it('leaves colours that already pass untouched', () => {
    expect(ensureContrast('#000000', '#ffffff', 4.5)).toBe('#000000');
    expect(ensureContrast('rgb(98, 114, 164)', '#282A36', 3)).toBe(
      'rgb(98, 114, 164)',
    );
  });
});
