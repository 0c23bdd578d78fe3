import { describe, expect, it } from '@jest/globals';
import { countChanges, figureChanges, withoutFigures, type BodyFigure } from './figureChanges';

const photo = (src: string, caption = ''): BodyFigure => ({ src: `data:image/png;base64,${src}`, caption });

describe('the photos compared between two versions of an entry', () => {
  it('finds nothing when the photos and captions are the same', () => {
    expect(figureChanges([photo('A', '会场'), photo('B')], [photo('A', '会场'), photo('B')])).toEqual([]);
  });

  it('reports a changed caption at the photo it belongs to', () => {
    expect(figureChanges([photo('A', '会场'), photo('B', '')], [photo('A', '会场'), photo('B', '签约仪式')])).toEqual([
      { kind: 'caption', before: photo('B', ''), after: photo('B', '签约仪式'), position: 2 },
    ]);
  });

  it('reports a photo swapped for another in the same place as a replacement', () => {
    expect(figureChanges([photo('A'), photo('B'), photo('C')], [photo('A'), photo('X'), photo('C')])).toEqual([
      { kind: 'replaced', before: photo('B'), after: photo('X'), position: 2 },
    ]);
  });

  it('reports additions where they stand in the newer version and removals where they stood in the older', () => {
    // A kept (B) stands between them: C is no replacement for A.
    expect(figureChanges([photo('A'), photo('B')], [photo('B'), photo('C')])).toEqual([
      { kind: 'added', figure: photo('C'), position: 2 },
      { kind: 'removed', figure: photo('A'), position: 1 },
    ]);
    expect(figureChanges([photo('A')], [photo('A'), photo('C')])).toEqual([{ kind: 'added', figure: photo('C'), position: 2 }]);
    expect(figureChanges([photo('A'), photo('B')], [photo('B')])).toEqual([{ kind: 'removed', figure: photo('A'), position: 1 }]);
  });

  it('counts the changes of each kind for the summary line', () => {
    const changes = figureChanges([photo('A', '一'), photo('B')], [photo('A', '二'), photo('C'), photo('D')]);
    expect(countChanges(changes)).toEqual({ added: 1, removed: 0, replaced: 1, caption: 1 });
  });

  it('takes the photos and their captions out of the text the wording diff compares', () => {
    const html = '<p>9月17日，会议召开。</p><figure><img src="data:image/png;base64,AAA"><figcaption>会场</figcaption></figure><p>会议要求……</p><img src="x.png">';
    expect(withoutFigures(html)).toBe('<p>9月17日，会议召开。</p><p>会议要求……</p>');
  });
});
