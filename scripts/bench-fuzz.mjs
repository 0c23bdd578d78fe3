// `npm run bench:fuzz`: sends FUZZ_REQUESTS (default 10,000) malformed or random requests
// across every endpoint in the OpenAPI document, as admin, editor, reviewer and anonymous,
// and reports any 5xx (must be 0) with samples. Deterministic for a given FUZZ_SEED.
// A quarter of the requests are shaped on purpose rather than random: entry credits
// (`contributors: [{contributorId, role}]`, valid and broken) on create and update, and the
// entries list's filters `createdById` ("me", a user's id, bad values) and `issueId: null`.
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
/** Ids by resource, for requests that are well-formed except for what is being tried. */
const idsOf = { issues: [], entries: [], sections: [], users: [], contributors: [] };

const ROLES = ['reporter', 'correspondent', 'photographer'];
const BAD_IDS = ['', 'me', 'ME', 'not-a-uuid', '00000000-0000-4000-8000-000000000000', "'; DROP TABLE users; --", 123, -1, true, null, [], {}, ['me'], { $ne: null }, '9'.repeat(400), '\u0000'];

/** One credit: valid, or broken in one way (unknown person, bad role, missing or extra fields, wrong types). */
function randomCredit() {
  const contributorId = () => (idsOf.contributors.length ? pick(idsOf.contributors) : '00000000-0000-4000-8000-000000000000');
  switch (Math.floor(random() * 9)) {
    case 0: case 1: case 2: return { contributorId: contributorId(), role: pick(ROLES) };
    case 3: return { contributorId: pick(BAD_IDS), role: pick(ROLES) };
    case 4: return { contributorId: contributorId(), role: pick(['', 'editor', 'REPORTER', null, 1, ['reporter'], '记者']) };
    case 5: return { contributorId: contributorId() };
    case 6: return { role: pick(ROLES) };
    case 7: return { contributorId: contributorId(), role: pick(ROLES), [pick(FIELDS)]: randomValue(2) };
    default: return pick([null, 'x', 1, [], randomValue(2)]);
  }
}

/** The `contributors` field: a list of credits (duplicates and long lists included), or not a list at all. */
function randomContributors() {
  const kind = random();
  if (kind < 0.1) return pick([null, 'x', 1, {}, { contributorId: pick(idsOf.contributors.length ? idsOf.contributors : ['x']), role: 'reporter' }]);
  if (kind < 0.2) {
    const credit = randomCredit();
    return [credit, credit];
  }
  if (kind < 0.25) return Array.from({ length: 200 + Math.floor(random() * 2000) }, randomCredit);
  return Array.from({ length: Math.floor(random() * 5) }, randomCredit);
}

/** The entries list's filters as the admin sends them, plus what a hand-written URL might. */
function randomEntryFilter() {
  const filter = {};
  const kind = random();
  if (kind < 0.45) filter.createdById = random() < 0.5 ? pick(['me', ...idsOf.users]) : pick(BAD_IDS);
  else if (kind < 0.75) filter.issueId = random() < 0.7 ? null : pick(['null', [null], [], '', ...idsOf.issues.slice(0, 3)]);
  else {
    filter.createdById = pick(['me', ...idsOf.users, ...BAD_IDS]);
    filter.issueId = null;
  }
  if (random() < 0.4) filter.status = pick(['draft', 'submitted', 'approved', 'changes_requested', 'x']);
  if (random() < 0.2) filter.q = pick(STRINGS);
  return filter;
}

/** A request of one of the shapes above, for the role given. */
async function shapedRequest(request, token) {
  const kind = random();
  if (kind < 0.4) {
    const query = [`filter=${encodeURIComponent(JSON.stringify(randomEntryFilter()))}`];
    if (random() < 0.5) query.push(`sort=${encodeURIComponent(JSON.stringify([pick(['updatedAt', 'title', 'createdById', 'issueId']), pick(['ASC', 'DESC'])]))}`);
    if (random() < 0.5) query.push(`range=${encodeURIComponent(JSON.stringify([0, Math.floor(random() * 50)]))}`);
    return { shape: 'entries list filter', method: 'GET', route: `/api/entries?${query.join('&')}`, options: { token } };
  }
  if (kind < 0.7) {
    const body = {
      title: `模糊测试条目${Math.floor(random() * 1e6)}`,
      sectionId: pick(idsOf.sections.length ? idsOf.sections : ['x']),
      issueId: random() < 0.5 ? null : pick([...idsOf.issues, 'x']),
      eventDate: '2020-09-10',
      bodyText: '9月10日，模糊测试。',
      contributors: randomContributors(),
    };
    return { shape: 'entry create contributors', method: 'POST', route: '/api/entries', options: { token, body } };
  }
  const id = pick(idsOf.entries.length ? idsOf.entries : ['x']);
  let version = Math.floor(random() * 5);
  if (random() < 0.6) version = (await request('GET', `/api/entries/${id}`, { token })).body?.version ?? version;
  return { shape: 'entry update contributors', method: 'PUT', route: `/api/entries/${id}`, options: { token, body: { version, contributors: randomContributors() } } };
}

const stack = await benchStack('fuzz');
try {
  const request = client(stack.baseUrl);
  const login = async (username) => (await request('POST', '/api/auth/login', { body: { username, password: 'demo12345' } })).body?.accessToken;
  const tokens = { admin: await login('admin'), editor: await login('editor'), reviewer: await login('reviewer'), anonymous: undefined };
  const document = (await request('GET', '/api/docs-json')).body;
  for (const resource of ['issues', 'entries', 'sections', 'recipients', 'users', 'renditions', 'contributors']) {
    const rows = (await request('GET', `/api/${resource}?range=[0,20]`, { token: tokens.admin })).body;
    if (Array.isArray(rows)) ids.push(...rows.map((row) => row.id));
    if (Array.isArray(rows) && resource in idsOf) idsOf[resource].push(...rows.map((row) => row.id));
  }
  const operations = Object.entries(document.paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => ({ route, method: method.toUpperCase() })));

  const statuses = {};
  const shapes = {};
  const failures = [];
  let sent = 0;
  async function fuzzer() {
    while (sent < TOTAL) {
      sent += 1;
      if (random() < 0.25) {
        const role = pick(['admin', 'editor', 'editor', 'reviewer', 'anonymous']);
        const shaped = await shapedRequest(request, tokens[role]);
        let response;
        try {
          response = await request(shaped.method, shaped.route, shaped.options);
        } catch (error) {
          failures.push({ method: shaped.method, route: shaped.route, error: String(error) });
          continue;
        }
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        const counts = (shapes[shaped.shape] ??= {});
        counts[response.status] = (counts[response.status] ?? 0) + 1;
        if (response.status >= 500) failures.push({ method: shaped.method, route: shaped.route.slice(0, 300), role, body: JSON.stringify(shaped.options.body)?.slice(0, 300), status: response.status, answer: response.text.slice(0, 300) });
        // Entries the fuzzer created are drafts: updating their credits reaches the save itself.
        if (response.status === 201 && response.body?.id) idsOf.entries.push(response.body.id);
        if (response.status === 401 && role !== 'anonymous') tokens[role] = await login(role);
        continue;
      }
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
  console.log(JSON.stringify({ requests: sent, operations: operations.length, statuses, shapes, serverErrors, samples: failures.slice(0, 10) }, null, 2));
  process.exitCode = serverErrors === 0 ? 0 : 1;
} finally {
  await stack.stop();
}
