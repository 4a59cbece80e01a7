import { describe, expect, it } from 'vitest';
import { normalizeName } from './text';

describe('names', () => {
  it('turns full-width letters, digits and spaces half-width', () => {
    expect(normalizeName('杭州ＡＢＣ１２３科技有限公司')).toBe('杭州ABC123科技有限公司');
    expect(normalizeName('　王芳　')).toBe('王芳');
  });

  it('removes spaces inside Chinese and next to it', () => {
    expect(normalizeName('李 娟')).toBe('李娟');
    expect(normalizeName('李　 娟')).toBe('李娟');
    expect(normalizeName('阿卜杜 · 热合曼')).toBe('阿卜杜·热合曼');
    expect(normalizeName('Blue Sky 科技')).toBe('Blue Sky科技');
  });

  it('keeps one space between Latin words', () => {
    expect(normalizeName('Blue   Sky  Studio')).toBe('Blue Sky Studio');
    expect(normalizeName('A & B Ltd')).toBe('A & B Ltd');
    expect(normalizeName('Anna　Müller')).toBe('Anna Müller');
  });
});
