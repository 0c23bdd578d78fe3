import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3RenditionStorage, type S3StorageOptions } from './s3-storage';

/**
 * The real AWS SDK against a small S3 stand-in on 127.0.0.1: path-style PUT, GET and HEAD of
 * objects, with Content-MD5 checked as S3 checks it. It is no S3 (no real signature check, no
 * multipart, no listing), but it shows what the implementation sends — bucket, prefixed key,
 * type, checksum, metadata, signed credentials — and how it reads the answers, 404 included.
 * No maintained S3 server ships in an npm package (s3rver's last release is from 2021), and
 * none runs on this machine; a deployment test against MinIO or the real bucket is still due.
 */
interface StoredObject {
  body: Buffer;
  headers: Record<string, string>;
}

interface Received {
  method: string;
  path: string;
  authorization: string;
}

let server: Server;
let endpoint: string;
const objects = new Map<string, StoredObject>();
const received: Received[] = [];
/** When set, the next PUT is answered with this status and S3 error code. */
let refuseNextPut: { status: number; code: string } | undefined;

function s3Error(response: ServerResponse, status: number, code: string, withBody = true): void {
  response.writeHead(status, { 'content-type': 'application/xml' });
  response.end(withBody ? `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>` : undefined);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://stand-in').pathname);
  received.push({ method: request.method ?? '', path, authorization: String(request.headers.authorization ?? '') });
  if (request.method === 'PUT') {
    if (refuseNextPut) {
      const { status, code } = refuseNextPut;
      refuseNextPut = undefined;
      return s3Error(response, status, code);
    }
    const md5 = request.headers['content-md5'];
    if (md5 !== createHash('md5').update(body).digest('base64')) return s3Error(response, 400, 'BadDigest');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (name === 'content-type' || name.startsWith('x-amz-meta-')) headers[name] = String(value);
    objects.set(path, { body, headers });
    response.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
    return void response.end();
  }
  const object = objects.get(path);
  if (request.method === 'HEAD' || request.method === 'GET') {
    if (!object) return s3Error(response, 404, 'NoSuchKey', request.method === 'GET');
    response.writeHead(200, { 'content-length': object.body.length, ...object.headers });
    return void response.end(request.method === 'GET' ? object.body : undefined);
  }
  s3Error(response, 405, 'MethodNotAllowed');
}

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response).catch(() => s3Error(response, 500, 'InternalError')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  objects.clear();
  received.length = 0;
  refuseNextPut = undefined;
});

let storages: S3RenditionStorage[] = [];
afterEach(() => {
  for (const storage of storages) storage.destroy();
  storages = [];
});

function storage(options: Partial<S3StorageOptions> = {}): S3RenditionStorage {
  const created = new S3RenditionStorage({
    bucket: 'dsyb',
    prefix: 'renditions',
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'not-a-real-secret' },
    forcePathStyle: true,
    ...options,
  });
  storages.push(created);
  return created;
}

const pdf = Buffer.from('%PDF-1.7 a whole issue, as bytes');

it('puts a rendition into the bucket under the prefix, as a PDF with its checksum, and reads it back', async () => {
  const stored = await storage().put('issues/a/b.pdf', pdf);
  expect(stored).toEqual({ key: 'issues/a/b.pdf', bytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
  const object = objects.get('/dsyb/renditions/issues/a/b.pdf');
  expect(object?.body).toEqual(pdf);
  expect(object?.headers).toEqual({ 'content-type': 'application/pdf', 'x-amz-meta-sha256': stored.sha256 });
  expect(await storage().get('issues/a/b.pdf')).toEqual(pdf);
});

it('signs every request with the configured access key', async () => {
  await storage().put('issues/a/b.pdf', pdf);
  expect(received).toHaveLength(1);
  expect(received[0].authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/us-east-1\/s3\/aws4_request/);
});

it('tells whether an object exists, and fails to get one that does not', async () => {
  const s3 = storage();
  await s3.put('issues/a/b.pdf', pdf);
  expect(await s3.exists('issues/a/b.pdf')).toBe(true);
  expect(await s3.exists('issues/a/missing.pdf')).toBe(false);
  await expect(s3.get('issues/a/missing.pdf')).rejects.toMatchObject({ name: 'NoSuchKey' });
});

it('fails the put when the service refuses it, so the job is retried rather than recorded as done', async () => {
  refuseNextPut = { status: 403, code: 'AccessDenied' };
  await expect(storage().put('issues/a/b.pdf', pdf)).rejects.toMatchObject({ name: 'AccessDenied' });
  expect(objects.size).toBe(0);
});

it('works without a prefix, and with one written with slashes', async () => {
  await storage({ prefix: '' }).put('issues/a/b.pdf', pdf);
  await storage({ prefix: '/dsyb/renditions/' }).put('issues/a/b.pdf', pdf);
  expect([...objects.keys()].sort()).toEqual(['/dsyb/dsyb/renditions/issues/a/b.pdf', '/dsyb/issues/a/b.pdf']);
});

it('refuses keys that could name another object', async () => {
  await expect(storage().put('../elsewhere.pdf', pdf)).rejects.toThrow(RangeError);
  expect(() => storage({ prefix: '../up' })).toThrow(RangeError);
  expect(received).toEqual([]);
});
