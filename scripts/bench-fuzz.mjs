// `npm run bench:fuzz`: sends FUZZ_REQUESTS (default 10,000) malformed or random requests
// across every endpoint in the OpenAPI document, as admin, editor, reviewer and anonymous,
// and reports any 5xx (must be 0) with samples. Deterministic for a given FUZZ_SEED.
import { benchStack, client } from './bench-http.mjs';

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10000);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 16);
let seed = Number(process.env.FUZZ_SEED ?? 20201015);

function random() {
  // mulberry32: small, fast, reproducible.
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];
const FIELDS = ['title', 'version', 'status', 'sectionId', 'issueId', 'eventDate', 'eventDatePrecision', 'bodyHtml', 'bodyText', 'position', 'name', 'key', 'active', 'roles', 'username', 'password', 'displayName', 'kind', 'comment', 'year', 'month', 'serialNumber', 'publicationDate', 'category', 'role', 'contributors', 'revision', 'id', '__proto__', 'constructor'];
const STRINGS = ['', ' ', 'null', '中原区', '#read("/etc/passwd")', "'; DROP TABLE entries; --", '<script>alert(1)</script>', '\u0000', '\uD800', '9'.repeat(400), 'x'.repeat(70000), '2020-13-45', '2020-02-29', '00000000-0000-0000-0000-000000000000', '{"$gt":""}', '../../etc/passwd', '%00', '🀄'];

function randomValue(depth = 0) {
  const kind = Math.floor(random() * (depth > 2 ? 6 : 9));
  switch (kind) {
    case 0: return pick(STRINGS);
    case 1: return Math.floor(random() * 2 ** 40) * (random() < 0.5 ? -1 : 1);
    case 2: return pick([0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2]);
    case 3: return random() < 0.5;
    case 4: return null;
    case 5: return pick(ids.length ? ids : STRINGS);
    case 6: return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth + 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, () => [pick(FIELDS), randomValue(depth + 1)]));
  }
}

function randomId() {
  return pick([...ids, ...ids, 'not-a-uuid', '00000000-0000-4000-8000-000000000000', '1', '%2e%2e', "'", pick(STRINGS).slice(0, 60) || 'x']);
}

function randomQuery() {
  const parts = [];
  if (random() < 0.5) parts.push(`sort=${encodeURIComponent(pick([JSON.stringify([pick(FIELDS), pick(['ASC', 'DESC', 'x'])]), '[', '[1,2]', '"title"', JSON.stringify(randomValue())]))}`);
  if (random() < 0.5) parts.push(`range=${encodeURIComponent(pick([JSON.stringify([Math.floor(random() * 50), Math.floor(random() * 5000)]), '[-1,2]', '[1]', 'x', JSON.stringify(randomValue())]))}`);
  if (random() < 0.6) parts.push(`filter=${encodeURIComponent(pick([JSON.stringify(Object.fromEntries([[pick(FIELDS.concat(['q', 'eventDate_gte', 'createdAt_lte', 'entityId'])), randomValue()]])), '{', '[]', 'null', JSON.stringify(randomValue())]))}`);
  if (random() < 0.1) parts.push('sort=a&sort=b');
  return parts.length ? `?${parts.join('&')}` : '';
}

const ids = [];
const stack = await benchStack('fuzz');
try {
  const request = client(stack.baseUrl);
  const login = async (username) => (await request('POST', '/api/auth/login', { body: { username, password: 'demo12345' } })).body?.accessToken;
  const tokens = { admin: await login('admin'), editor: await login('editor'), reviewer: await login('reviewer'), anonymous: undefined };
  const document = (await request('GET', '/api/docs-json')).body;
  for (const resource of ['issues', 'entries', 'sections', 'recipients', 'users', 'renditions']) {
    const rows = (await request('GET', `/api/${resource}?range=[0,20]`, { token: tokens.admin })).body;
    if (Array.isArray(rows)) ids.push(...rows.map((row) => row.id));
  }
  const operations = Object.entries(document.paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => ({ route, method: method.toUpperCase() })));

  const statuses = {};
  const failures = [];
  let sent = 0;
  async function fuzzer() {
    while (sent < TOTAL) {
      sent += 1;
      const operation = pick(operations);
      const route = operation.route.replace(/\{[^}]+\}/g, () => encodeURIComponent(randomId().toWellFormed())) + (operation.method === 'GET' ? randomQuery() : '');
      const role = pick(['admin', 'admin', 'editor', 'reviewer', 'anonymous']);
      const bodyKind = random();
      const options = { token: tokens[role] };
      if (operation.method !== 'GET' && operation.method !== 'DELETE') {
        if (bodyKind < 0.15) options.raw = pick(['{', '[', '"', 'null', '1', '{"a":', '\u0000', '{"title":"\uD800"}']);
        else options.body = random() < 0.8 ? randomValue(1) : randomValue(0);
      }
      // Keep the admin able to log in: the fuzzer must not deactivate or re-password its own account.
      if (role === 'admin' && operation.route.startsWith('/api/users/')) options.token = tokens.editor;
      let response;
      try {
        response = await request(operation.method, route, options);
      } catch (error) {
        failures.push({ method: operation.method, route, error: String(error) });
        continue;
      }
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status >= 500) failures.push({ method: operation.method, route, role, body: JSON.stringify(options.body ?? options.raw)?.slice(0, 300), status: response.status, answer: response.text.slice(0, 300) });
      if (response.status === 401 && role !== 'anonymous') tokens[role] = await login(role);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, fuzzer));
  const serverErrors = failures.length;
  console.log(JSON.stringify({ requests: sent, operations: operations.length, statuses, serverErrors, samples: failures.slice(0, 10) }, null, 2));
  process.exitCode = serverErrors === 0 ? 0 : 1;
} finally {
  await stack.stop();
}
