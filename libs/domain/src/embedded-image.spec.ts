import { deflateSync } from 'node:zlib';
import { checkBase64Image, checkImageBytes, IMAGE_OMISSION_TEXT, imageFromSource, MAX_IMAGE_BYTES } from './embedded-image';

/** A valid 2 × 1 RGB PNG (CRCs are not checked here, Typst checks those). */
function png(width = 2, height = 1): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const pixels = deflateSync(Buffer.alloc(Math.min(height, 4) * (1 + width * 3)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** The segments a JPEG starts with, up to its frame header: SOI, APP0 (JFIF), optional filler, SOFn. */
function jpeg(width: number, height: number, frameMarker = 0xc0, options: { fill?: boolean; app1?: number } = {}): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const app1 = options.app1 ? Buffer.concat([Buffer.from([0xff, 0xe1, options.app1 >> 8, options.app1 & 0xff]), Buffer.alloc(options.app1 - 2)]) : Buffer.alloc(0);
  const sof = Buffer.from([0xff, frameMarker, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, options.fill ? Buffer.from([0xff, 0xff]) : Buffer.alloc(0), app1, sof, Buffer.from([0xff, 0xd9])]);
}

const dataUrl = (bytes: Uint8Array, type: string) => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

describe('checkImageBytes', () => {
  it('reads the size of a PNG from its IHDR chunk', () => {
    expect(checkImageBytes(png(640, 480))).toEqual({ ok: true, header: { format: 'png', width: 640, height: 480 } });
  });

  it('reads the size of a JPEG from its frame header, past APP segments and fill bytes', () => {
    expect(checkImageBytes(jpeg(4000, 3000))).toEqual({ ok: true, header: { format: 'jpeg', width: 4000, height: 3000 } });
    expect(checkImageBytes(jpeg(1200, 800, 0xc2, { fill: true, app1: 30_000 }))).toEqual({ ok: true, header: { format: 'jpeg', width: 1200, height: 800 } });
  });

  it('refuses lossless and arithmetic-coded JPEGs, which Typst cannot decode', () => {
    for (const marker of [0xc3, 0xc9, 0xcb]) expect(checkImageBytes(jpeg(100, 100, marker))).toEqual({ ok: false, problem: 'unsupported' });
  });

  it('refuses what is not a PNG or a JPEG, whatever it claims', () => {
    for (const bytes of [Buffer.from('GIF89a'), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), Buffer.from('%PDF-1.7'), Buffer.alloc(0)]) {
      expect(checkImageBytes(bytes)).toEqual({ ok: false, problem: 'unsupported' });
    }
  });

  it('refuses truncated or broken headers', () => {
    expect(checkImageBytes(png().subarray(0, 20))).toEqual({ ok: false, problem: 'invalid' });
    expect(checkImageBytes(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toEqual({ ok: false, problem: 'invalid' });
    expect(checkImageBytes(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08]))).toEqual({ ok: false, problem: 'invalid' });
    expect(checkImageBytes(png(0, 10))).toEqual({ ok: false, problem: 'invalid' });
    expect(checkImageBytes(jpeg(100, 0))).toEqual({ ok: false, problem: 'invalid' });
  });

  it('refuses images over 5 MB or with too many pixels (a few bytes can declare 60 000 × 60 000)', () => {
    expect(checkImageBytes(Buffer.concat([png(), Buffer.alloc(MAX_IMAGE_BYTES)]))).toEqual({ ok: false, problem: 'too-large' });
    expect(checkImageBytes(png(60_000, 60_000))).toEqual({ ok: false, problem: 'too-large' });
    expect(checkImageBytes(png(20_000, 10))).toEqual({ ok: false, problem: 'too-large' });
    expect(checkImageBytes(jpeg(6000, 5000))).toEqual({ ok: false, problem: 'too-large' });
    expect(checkImageBytes(jpeg(6000, 4000))).toMatchObject({ ok: true });
  });
});

describe('imageFromSource', () => {
  it('embeds data:image/png and data:image/jpeg base64 URLs, with the type the bytes show', () => {
    const bytes = png(3, 2);
    expect(imageFromSource(dataUrl(bytes, 'image/png'))).toEqual({ kind: 'embedded', mediaType: 'image/png', base64: bytes.toString('base64') });
    expect(imageFromSource(dataUrl(jpeg(10, 10), 'image/png'))).toMatchObject({ kind: 'embedded', mediaType: 'image/jpeg' });
    // Upper case, parameters, and base64 wrapped over lines (as some tools write it).
    const wrapped = bytes.toString('base64').replace(/(.{8})/g, '$1\n ');
    expect(imageFromSource(`DATA:Image/PNG;name=photo.png;BASE64,${wrapped}`)).toEqual({ kind: 'embedded', mediaType: 'image/png', base64: bytes.toString('base64') });
  });

  it('never fetches http(s) images', () => {
    expect(imageFromSource('https://example.com/photo.jpg')).toEqual({ kind: 'omitted', reason: 'remote' });
    expect(imageFromSource(' HTTP://10.0.0.1/internal.png')).toEqual({ kind: 'omitted', reason: 'remote' });
  });

  it('refuses other types and other URLs', () => {
    for (const src of [
      'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
      'data:image/svg+xml;base64,PHN2Zy8+',
      'data:text/html;base64,PHNjcmlwdD4=',
      `data:image/png,${encodeURIComponent('\x89PNG')}`,
      'file:///etc/passwd',
      'javascript:alert(1)',
      '/etc/passwd',
    ]) {
      expect({ src, image: imageFromSource(src) }).toEqual({ src, image: { kind: 'omitted', reason: 'unsupported' } });
    }
  });

  it('refuses a PNG or JPEG data URL whose bytes are something else, broken, or too large', () => {
    expect(imageFromSource(dataUrl(Buffer.from('<svg/>'), 'image/png'))).toEqual({ kind: 'omitted', reason: 'unsupported' });
    expect(imageFromSource('data:image/png;base64,iVBORw0KGgo!!!')).toEqual({ kind: 'omitted', reason: 'invalid' });
    expect(imageFromSource('data:image/png;base64,iVBORw0KGgo="))#read("/etc/passwd")')).toEqual({ kind: 'omitted', reason: 'invalid' });
    expect(imageFromSource(dataUrl(png(50_000, 50_000), 'image/jpeg'))).toEqual({ kind: 'omitted', reason: 'too-large' });
  });

  it('judges a huge data URL by its length, without decoding it', () => {
    const huge = `data:image/png;base64,${'A'.repeat(40 * 1024 * 1024)}`;
    expect(huge.startsWith('data:')).toBe(true); // builds the string before the clock starts
    const started = performance.now();
    expect(imageFromSource(huge)).toEqual({ kind: 'omitted', reason: 'too-large' });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('reports a missing source', () => {
    expect(imageFromSource(undefined)).toEqual({ kind: 'omitted', reason: 'missing' });
    expect(imageFromSource('  ')).toEqual({ kind: 'omitted', reason: 'missing' });
  });

  it('explains every reason in Chinese', () => {
    expect(Object.keys(IMAGE_OMISSION_TEXT).sort()).toEqual(['invalid', 'missing', 'remote', 'too-large', 'unsupported']);
    expect(IMAGE_OMISSION_TEXT['too-large']).toBe('图片过大（上限 5 MB、2500 万像素）');
  });
});

describe('checkBase64Image', () => {
  it('rejects a value that is not a string (snapshots are not trusted)', () => {
    expect(checkBase64Image(42 as unknown as string)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('rejects impossible base64 lengths and padding in the middle', () => {
    expect(checkBase64Image('iVBORw0KG')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkBase64Image('iVBO=w0KGgo=')).toEqual({ ok: false, problem: 'invalid' });
  });
});
