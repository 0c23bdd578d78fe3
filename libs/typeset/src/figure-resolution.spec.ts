import type { EntryBlock } from '@dsyb/domain';
import { htmlToBlocks } from '@dsyb/rich-text';
import { lowResolutionWarning, MIN_PRINT_DPI, printedFigure } from '@dsyb/contracts';
import { dataUrl, JPEG_120x80, pngHeaderOnly, pngImage } from '../testing/images';
import { PdfReader } from '../testing/pdf-text';
import { sampleIssue, section } from '../testing/sample-issues';
import { lowResolutionFigures, renderIssuePdf } from './index';

/**
 * How sharp a figure prints, worked out without compiling (the API on save and at 签发, the admin
 * when a picture is inserted), checked against the PDF itself: the width an image is drawn at,
 * from `pdfimages -list` (its x-ppi, what the printer gets).
 */

describe('the dpi a figure prints at', () => {
  it('matches the PDF: the ppi pdfimages reports for the image as drawn', () => {
    for (const [width, height] of [
      [800, 450],
      [1600, 1100],
      [300, 200],
      [2400, 900],
      [700, 1400],
    ]) {
      const html = `<p>正文。</p><figure><img src="${dataUrl(pngImage(width, height), 'image/png')}"><figcaption>图</figcaption></figure>`;
      const rendered = renderIssuePdf(sampleIssue({ sections: [section('s', '本期焦点', [{ id: 'e', title: '条目', blocks: htmlToBlocks(html) as EntryBlock[] }])] }));
      const reader = new PdfReader(rendered.pdf);
      try {
        const [image] = reader.images();
        expect({ width, height, dpi: printedFigure({ width, height }).dpi }).toEqual({ width, height, dpi: expect.closeTo(image.xPpi, -1) });
      } finally {
        reader.dispose();
      }
    }
  });

  it('is low below 150 dpi: an 800-pixel photo across the A4 text width is, a 1000-pixel one is not', () => {
    expect(printedFigure({ width: 800, height: 450 })).toMatchObject({ low: true, dpi: 128, neededWidth: 934 });
    expect(printedFigure({ width: 1000, height: 600 }).low).toBe(false);
    // A small picture prints at its natural size (96 dpi): low, however small it prints.
    expect(printedFigure({ width: 120, height: 80 })).toMatchObject({ low: true, dpi: 96 });
    // Narrower paper, narrower text: the same photo is sharp enough on A5.
    expect(printedFigure({ width: 800, height: 450 }, 'a5').low).toBe(false);
    expect(MIN_PRINT_DPI).toBe(150);
  });

  it('says so in Chinese, naming the figure, its pixels, its dpi and what would do', () => {
    expect(lowResolutionWarning(2, { width: 800, height: 450 })).toBe(
      '第2幅图片分辨率不足：800×450 像素，印出宽约 158 毫米，仅 128 dpi（印刷至少需要 150 dpi），印出会模糊；请换用至少 934 像素宽的原图',
    );
    expect(lowResolutionWarning(1, { width: 2400, height: 1600 })).toBeNull();
  });
});

describe('lowResolutionFigures', () => {
  it('lists the low-resolution figures of a body, numbered as the PDF numbers them', () => {
    const blocks = htmlToBlocks(
      `<p>正文。</p><figure><img src="${dataUrl(pngImage(2000, 1200), 'image/png')}"><figcaption>清晰</figcaption></figure>` +
        `<figure><img src="https://example.com/a.png"><figcaption>网络图片</figcaption></figure>` +
        `<figure><img src="${dataUrl(JPEG_120x80, 'image/jpeg')}"><figcaption>太小</figcaption></figure>` +
        `<figure><img src="${dataUrl(pngHeaderOnly(60_000, 60_000), 'image/png')}"><figcaption>像素过多</figcaption></figure>`,
    ) as EntryBlock[];
    expect(lowResolutionFigures(blocks)).toEqual([
      { code: 'low-resolution', figure: 3, width: 120, height: 80, dpi: 96, message: lowResolutionWarning(3, { width: 120, height: 80 }) },
    ]);
  });
});
