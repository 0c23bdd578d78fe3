import { deflateSync } from 'node:zlib';

/**
 * Images for tests, made here rather than read from files: a PNG drawn pixel by pixel (any
 * size, with a visible pattern) and one small JPEG (120 × 80, a gradient with a white disc,
 * written once by Chromium's canvas.toDataURL("image/jpeg")).
 */

/** An 8-bit RGB PNG: a blue-to-orange gradient with a white disc in the middle. */
export function pngImage(width: number, height: number): Buffer {
  const r = Math.min(width, height) / 4;
  return pngFromPixels(width, height, (x, y) => {
    if ((x - width / 2) ** 2 + (y - height / 2) ** 2 < r * r) return [255, 255, 255];
    const t = (x + y) / (width + height);
    return [Math.round(29 + t * (242 - 29)), Math.round(78 + t * (165 - 78)), Math.round(137 + t * (65 - 137))];
  });
}

/** A real 8-bit RGB PNG (checksums and all) of width × height, its pixels from `colour`. */
export function pngFromPixels(width: number, height: number, colour: (x: number, y: number) => [number, number, number]): Buffer {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height); // each row starts with filter 0: none
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(colour(x, y), y * row + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // depth 8, colour type RGB, deflate, no filter, no interlace
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Just a PNG signature and an IHDR declaring the given size, with no pixel data: enough for the
 * header checks (a "decompression bomb" declares a huge size in a tiny file).
 */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr)]);
}

/**
 * A PNG whose compressed pixel data is damaged but whose chunks are intact (checksums
 * recomputed): the file looks whole, and only decoding it fails.
 */
export function corruptPng(png: Buffer): Buffer {
  const chunks: Buffer[] = [png.subarray(0, 8)];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = Buffer.from(png.subarray(at + 8, at + 8 + length));
    if (type === 'IDAT') for (let i = 2; i < data.length; i++) data[i] ^= 0x5a;
    chunks.push(chunk(type, data));
    at += 12 + length;
  }
  return Buffer.concat(chunks);
}

/**
 * A JPEG whose scan names a Huffman table the file does not define: every segment is in place,
 * and only decoding the image fails.
 */
export function corruptJpeg(jpeg: Buffer): Buffer {
  const corrupt = Buffer.from(jpeg);
  for (let at = 2; at + 4 <= corrupt.length; at += 2 + corrupt.readUInt16BE(at + 2)) {
    if (corrupt[at + 1] !== 0xda) continue;
    corrupt[at + 6] = 0x77; // the first component's DC and AC table numbers
    return corrupt;
  }
  throw new Error('no start of scan in this JPEG');
}

export const JPEG_120x80 = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCABQAHgDASIAAhEBAxEB/8QAGgABAQEBAQEBAAAAAAAAAAAAAwIACAcFBv/EACYQAAMAAgECBgMBAQAAAAAAAAABAgMFBAYRBxIhQVFhIjFSoXH/xAAYAQEBAQEBAAAAAAAAAAAAAAAEAwYHBf/EABoRAQEBAQEBAQAAAAAAAAAAAAIAAQMRIRL/2gAMAwEAAhEDEQA/APN4Q8ImJGhGiavEJqiR4RMIaEFakE1Qh4RMIaEEakE1whokmEPCCNSCaokaETCHhBWpBNUIaETEjwgjUgmqJGiSYkeEFakE1RJhIRgur7Xw3lEIeEREjwjoTVjjlUSPEkRJ0T4VeHfG1HC4+13OCcu0yJXGPIu646fqvT+vl+36QPr0/MnmPbyPU9C9S7LDOXiafkvHXqqydsSa+V5mu6G2HQ3UmsxPLy9RyVjXq6x9sqS+X5W+yOpDA96bsnBmXH0SPEnuniX0Fx9pxM2z1OCcWyxp3cQuyzpfv0/r79zw+EQ6b5VOVRI8STCGhBGpJNcIaETEjRIRqQcrhDRJMSPEhGpBNUSYSJMG1fa+G8ohDQiYkeJOhNWNJv0vhvro2fW+n4uafNjedXU/KhOuz+vxOrzlTw252PV9b6flZq8uNZvJVfCtOO//AD8jqsB233ZnLPMsYxiVSxzZ1xwI1/V+14+KfLjWZ3M/CpKu3+nSZzh1xzI2PV+05OJ+bG83kl/KlKe/+Ee++ZU5Z7t8OJHhEwhoR57UwmqJHhEwhokI1IJqhDwiYkaJCNSCaoRhYRg2r7XzLyeEPCJhDQjoTVjSa4R0B4X9f4Nrw8Gr3GacWzxpRGS32WdL9ev9fXv+19eBwh4QRqSMuvjHNGr6y6i12KcXF2vIWNeinJ2yJL4XmT7C87rDqHY4nj5W15Dxv0c4+2NP6flS7kd65lXBu3qPiL1xg1vFza3VZpy7DInF3D7rAvf1/r69jxeETEjwgXXpq2TzHlUSNEkxI8IG1JJqiR4kiEPCCNSCaokeJIhDxIRqQTVCMLCMG1fa+G8niR4kmENEnQmrHE1RI8STEjQgjVc5VEjxJMIaEFakk1whoRMSNEhGpByuENEkxI8SEakE1RI0STEjxIVqQTVCGiSYQ8SEakHKokwkSYNq+1sN/9k=',
  'base64',
);

export function dataUrl(bytes: Uint8Array, mediaType: string): string {
  return `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** CRC-32 as PNG chunks need it (node:zlib has crc32 only from Node 20.15 / 22.2). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
