// `npm run bench:fuzz`: sends FUZZ_REQUESTS (default 10,000) malformed or random requests
// across every endpoint in the OpenAPI document, as admin, editor, reviewer and anonymous,
// and reports any 5xx (must be 0) with samples. Deterministic for a given FUZZ_SEED.
// A quarter of the requests are shaped on purpose rather than random: entry credits
// (`contributors: [{contributorId, role}]`, valid and broken) on create and update, and the
// entries list's filters `createdById` ("me", a user's id, bad values) and `issueId: null`;
// and the bad input of issue 17, each of which once answered 500: a character PostgreSQL or the
// PDF cannot hold (NUL, another C0 control, a lone surrogate) in an otherwise valid body of every
// JSON write route, in a query or a route parameter; ranges beyond PostgreSQL's integer; JSON
// nested thousands of levels deep; dates that do not exist, in list filters and bodies; and a
// correctly signed token whose subject is not a user id. The figures include the slowest answer
// of each shape (deep nesting must be refused before it costs parsing time).
import { createHmac } from 'node:crypto';
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
const idsOf = { issues: [], entries: [], sections: [], users: [], contributors: [], sources: [], recipients: [], deliveries: [], tokens: [] };

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

const FORBIDDEN = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u001f', '\uD800', '\uDFFF'];
const HUGE_RANGES = ['[1e300,1e300]', '[0,1e300]', '[1e400,1e400]', '[2147483648,2147483650]', '[0,2147483648]', '[9007199254740993,9007199254740993]', '[0,5000]', '[-0,1]', '[0.5,2]'];
const IMPOSSIBLE_DATES = ['2020-13-45', '2021-02-29', '2020-02-30', '-271821-04-20', '+275760-09-13', '0000-01-01', '0999-12-31', '2020-00-10', '2020-10-15T25:00:00Z', '99999-01-01'];
const DEPTHS = [65, 500, 5000, 100000, 1000000];
const day = () => `2020-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
const serial = () => Math.floor(random() * 1e6);

/**
 * An otherwise valid body for each JSON write route that takes text, built from the stack's own
 * records (ids, current versions); `{id}` is the id the route is called with. Dates are named in
 * `dates` so the date shape knows where to put an impossible one.
 */
const WRITE_ROUTES = [
  ['POST', '/api/auth/login', null, () => ({ username: 'editor', password: 'demo12345' })],
  ['PUT', '/api/settings/masthead', null, () => ({ publicationTitle: '大事月报', notice: '内部资料 注意保存', sponsor: '中原区地方史志办公室', publisher: '中原区地方史志办公室' })],
  ['PUT', '/api/settings/delivery', null, () => ({ publicUrl: 'https://dsyb.example.gov.cn', sender: '史志办 <office@example.gov.cn>' })],
  ['POST', '/api/issues', null, () => {
    // A publication date in the issue's own month: the server refuses one that contradicts it.
    const [year, month] = [2190 + Math.floor(random() * 10), 1 + Math.floor(random() * 12)];
    return { year, month, serialNumber: 200 + Math.floor(random() * 99000), title: '大事月报', compiler: '史志办', publicationDate: `${year}-${String(month).padStart(2, '0')}-15` };
  }, ['publicationDate', 'coverageStart', 'coverageEnd', 'deadline']],
  ['PUT', '/api/issues/{id}', 'issues', async (id, version) => ({ version: await version('issues', id), compiler: '史志办', deadline: day() }), ['deadline', 'publicationDate', 'coverageStart']],
  ['POST', '/api/issues/{id}/return', 'issues', async (id, version) => ({ version: await version('issues', id), comment: '请补充第二条的日期。' })],
  ['POST', '/api/issues/{id}/corrections', 'issues', async (id, version) => ({ version: await version('issues', id), reason: '第二条日期有误，予以更正。', entries: [{ entryId: pick(idsOf.entries.length ? idsOf.entries : ['x']), title: '更正后的标题' }] })],
  ['POST', '/api/sections', null, () => ({ key: `fuzz-${serial()}`, name: `模糊栏目${serial() % 1000}`, position: 1 + Math.floor(random() * 9000) })],
  ['PUT', '/api/sections/{id}', 'sections', () => ({ name: '党政要闻' })],
  ['POST', '/api/entries', null, () => ({ title: `模糊测试条目${serial()}`, sectionId: pick(idsOf.sections.length ? idsOf.sections : ['x']), issueId: null, eventDate: day(), bodyText: '9月10日，模糊测试。' }), ['eventDate']],
  ['PUT', '/api/entries/{id}', 'entries', async (id, version) => ({ version: await version('entries', id), title: `模糊测试条目${serial()}`, bodyText: '9月10日，模糊测试。' }), ['eventDate']],
  ['POST', '/api/entries/{id}/return', 'entries', async (id, version) => ({ version: await version('entries', id), comment: '请核实日期。' })],
  ['POST', '/api/entries/{id}/comments', 'entries', () => ({ body: '第二段的日期请再核实。' })],
  ['POST', '/api/sources', null, () => ({ newspaper: '郑州日报', issueDate: day(), page: '第3版', headline: `模糊测试来稿${serial()}`, text: '本报讯 9月10日，中原区召开会议。' }), ['issueDate']],
  ['PUT', '/api/sources/{id}', 'sources', () => ({ headline: `模糊测试来稿${serial()}`, issueDate: day() }), ['issueDate']],
  ['POST', '/api/source-imports/preview', null, () => ({ newspaper: '郑州日报', issueDate: day(), text: '本报讯 9月10日，中原区召开河长制工作会议。\n记者 张三' }), ['issueDate']],
  ['POST', '/api/source-imports', null, () => ({ newspaper: '郑州日报', issueDate: day(), page: '第3版', articles: [{ headline: `模糊测试导入${serial()}`, text: '9月10日，中原区召开会议。', bylines: [{ name: '张三', role: 'reporter' }] }] }), ['issueDate']],
  ['POST', '/api/contributors', null, () => ({ name: `作者${serial() % 10000}`, role: 'reporter', organisation: '郑州日报' })],
  ['PUT', '/api/contributors/{id}', 'contributors', () => ({ organisation: '中原区融媒体中心' })],
  ['POST', '/api/recipients', null, () => ({ name: `模糊测试单位${serial()}`, category: '区直单位', position: 1 + Math.floor(random() * 9000), contactPerson: '李四' })],
  ['PUT', '/api/recipients/{id}', 'recipients', () => ({ contactPerson: '王五', phone: '0371-12345678' })],
  ['POST', '/api/users', null, () => ({ username: `fuzz${serial()}`, displayName: '模糊测试用户', roles: ['editor'], password: 'fuzz-password-12345' })],
  ['PUT', '/api/users/{id}', 'users', () => ({ displayName: '模糊测试用户' })],
  ['POST', '/api/search-terms', null, () => ({ word: `模糊词${serial()}`, kind: pick(['person', 'place', 'organisation', 'term']), note: '模糊测试' })],
  ['POST', '/api/search/duplicates', null, () => ({ title: '徐立毅出席芝麻街双创园开园仪式', text: '10月15日，芝麻街双创园开园。', eventDate: day() }), ['eventDate']],
  ['POST', '/api/annual-volumes', null, () => ({ year: 1949 + Math.floor(random() * 252), title: '中原区大事记', publicationDate: day() }), ['publicationDate']],
  ['POST', '/api/annual-volume-entries', null, () => ({ volumeId: '00000000-0000-4000-8000-000000000000', title: '补记之事', eventDate: day(), bodyHtml: '<p>补记。</p>' }), ['eventDate']],
  ['POST', '/api/annual-index-terms', null, () => ({ volumeId: '00000000-0000-4000-8000-000000000000', term: '徐立毅', kind: pick(['person', 'place', 'organisation', 'x']) })],
  ['POST', '/api/deliveries/{id}/paper-receipt', 'deliveries', () => ({ confirmedByName: '赵六' })],
  ['POST', '/api/receive/{id}/confirm', 'tokens', () => ({ name: '赵六' })],
];

/** The paths of a body's strings: ["title"], ["articles", 0, "bylines", 0, "name"]. */
function stringPaths(value, path = []) {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

function setAt(body, path, value) {
  let target = body;
  for (const key of path.slice(0, -1)) target = target[key];
  target[path.at(-1)] = value;
}

/** A write route with an otherwise valid body, as the role given may send it. */
async function validWrite(request, token) {
  const [method, template, resource, build, dates = []] = pick(WRITE_ROUTES);
  const id = resource ? pick(idsOf[resource]?.length ? idsOf[resource] : ['00000000-0000-4000-8000-000000000000']) : undefined;
  const version = async (kind, recordId) => (await request('GET', `/api/${kind}/${recordId}`, { token })).body?.version ?? 1;
  return { method, route: template.replace('{id}', id), body: await build(id, version), dates };
}

/** A deeply nested JSON text: bare, or in place of one field of a login. */
function nestedJson(depth) {
  const [open, close] = random() < 0.5 ? ['[', ']'] : ['{"a":', '}'];
  const inner = random() < 0.5 ? `${open.repeat(depth)}${open === '[' ? '' : '1'}${close.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return random() < 0.5 ? inner : `{"username":${inner},"password":"demo12345"}`;
}

/** A token signed with the stack's own secret (HS256, as the API signs), for a subject that is no user id. */
function signedToken(secret, payload) {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iat: now, exp: now + 3600, ...payload })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The issue-17 shapes: bad input that once answered 500. */
async function badInputRequest(request, token, context) {
  const kind = random();
  if (kind < 0.4) {
    // A forbidden character in one string of an otherwise valid body (now and then in a route parameter or the query).
    const write = await validWrite(request, token);
    const where = random();
    const character = pick(FORBIDDEN);
    // A lone surrogate has no UTF-8 of its own: %ED%A0%80 is what encoding U+D800 as if it had one gives.
    if (where < 0.1) return { shape: 'forbidden character in a route parameter', method: 'GET', route: `/api/receive/x${pick(['%00', '%01', '%1B', '%1F', '%ED%A0%80'])}y`, options: { token } };
    if (where < 0.2) return { shape: 'forbidden character in a query', method: 'GET', route: `/api/entries?filter=${encodeURIComponent(JSON.stringify({ q: `河长${character}` }))}${random() < 0.5 ? '&x=%00' : ''}`, options: { token } };
    const paths = stringPaths(write.body);
    if (paths.length) {
      const path = pick(paths);
      let text = path.reduce((value, key) => value[key], write.body);
      const at = Math.floor(random() * (text.length + 1));
      text = `${text.slice(0, at)}${character}${text.slice(at)}`;
      setAt(write.body, path, text);
    }
    return { shape: 'forbidden character in a valid body', method: write.method, route: write.route, options: { token, body: write.body } };
  }
  if (kind < 0.6) {
    const list = pick(context.lists);
    const range = pick(HUGE_RANGES);
    return { shape: 'huge range', method: 'GET', route: `${list}?range=${encodeURIComponent(range)}`, options: { token } };
  }
  if (kind < 0.7) {
    const write = await validWrite(request, token);
    return { shape: 'deep nesting', method: write.method, route: random() < 0.5 ? '/api/auth/login' : write.route, options: { token, raw: nestedJson(pick(DEPTHS)) } };
  }
  if (kind < 0.9) {
    const date = pick(IMPOSSIBLE_DATES);
    if (random() < 0.5) {
      const [route, field] = pick([['/api/entries', 'eventDate_gte'], ['/api/entries', 'eventDate_lte'], ['/api/audit-events', 'createdAt_gte'], ['/api/audit-events', 'createdAt_lte']]);
      return { shape: 'impossible date in a filter', method: 'GET', route: `${route}?filter=${encodeURIComponent(JSON.stringify({ [field]: date }))}`, options: { token: route === '/api/audit-events' ? context.tokens.admin : token } };
    }
    let write = await validWrite(request, token);
    for (let attempt = 0; attempt < 20 && write.dates.length === 0; attempt += 1) write = await validWrite(request, token);
    const field = pick(write.dates);
    write.body[field] = date;
    return { shape: 'impossible date in a body', method: write.method, route: write.route, options: { token, body: write.body } };
  }
  const sub = pick(['not-a-uuid', 'not-a-uuid', '', 42, null, ['x'], { id: 'x' }, 'x\u0000', '00000000-0000-4000-8000-000000000000']);
  const route = pick(['/api/auth/me', '/api/entries', '/api/issues', `/api/entries/${pick(idsOf.entries.length ? idsOf.entries : ['x'])}`]);
  return { shape: 'signed token with a bad subject', method: 'GET', route, options: { token: signedToken(context.jwtSecret, { sub }) } };
}

/** Pieces of search queries (issue 15): words, tsquery operators, quotes, SQL, escapes, long runs. */
const QUERY_PIECES = ['双创', '芝麻街', '开园', '河长制', '陈传建', 'LED', '"', '“', '”', '-', '－', '&', '|', '!', '(', ')', ':*', '<->', '\\', "'", '%', '_', '*', ' ', '\u3000', '，', '。', '😀', '𠀀', "' OR 1=1 --", 'DROP TABLE entries;', '<script>', '&amp;', 'a'.repeat(120), '双'.repeat(120)];

function randomSearch() {
  const q = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(QUERY_PIECES)).join(random() < 0.5 ? ' ' : '');
  const filter = {};
  if (random() < 0.3) filter.kind = pick(['entry', 'source', 'issue', 'pdf', ['entry', 'issue'], 'entry,source']);
  if (random() < 0.2) filter.from = pick(['2020', '2020-10', '2020-13', '0000-01', '2020-02-30', 'x']);
  if (random() < 0.2) filter.status = pick(['approved', 'published', 'draft', 'nope', ['draft', 'published']]);
  if (random() < 0.2) filter.sectionId = pick([...idsOf.sections, 'x']);
  const range = random() < 0.3 ? `&range=${encodeURIComponent(JSON.stringify(pick([[0, 19], [20, 39], [1000, 1019], [0, 1000], [-1, 5]])))}` : '';
  return `/api/search?q=${encodeURIComponent(q)}&filter=${encodeURIComponent(JSON.stringify(filter))}${range}`;
}

/** A request of one of the shapes above, for the role given. */
async function shapedRequest(request, token, context) {
  if (random() < 0.5) return badInputRequest(request, token, context);
  if (random() < 0.2) return { shape: 'search query', method: 'GET', route: randomSearch(), options: { token } };
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
  for (const resource of ['issues', 'entries', 'sections', 'recipients', 'users', 'renditions', 'contributors', 'sources']) {
    const rows = (await request('GET', `/api/${resource}?range=[0,20]`, { token: tokens.admin })).body;
    if (Array.isArray(rows)) ids.push(...rows.map((row) => row.id));
    if (Array.isArray(rows) && resource in idsOf) idsOf[resource].push(...rows.map((row) => row.id));
  }
  // Keep the admin able to log in: the write shapes never change the admin's own account.
  const adminId = (await request('GET', '/api/auth/me', { token: tokens.admin })).body?.id;
  idsOf.users = idsOf.users.filter((id) => id !== adminId);
  idsOf.tokens.push('0'.repeat(43), 'x');
  const lists = Object.entries(document.paths).filter(([route, methods]) => methods.get && !route.includes('{') && (methods.get.parameters ?? []).some((parameter) => parameter.name === 'range')).map(([route]) => route);
  const context = { tokens, jwtSecret: stack.env.JWT_SECRET, lists: lists.length ? lists : ['/api/entries', '/api/issues', '/api/sections', '/api/sources', '/api/contributors', '/api/recipients', '/api/renditions', '/api/users', '/api/audit-events'] };
  const operations = Object.entries(document.paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => ({ route, method: method.toUpperCase() })));

  const statuses = {};
  const shapes = {};
  /** The slowest answer of each shape, in ms. */
  const slowest = {};
  const failures = [];
  let sent = 0;
  async function fuzzer() {
    while (sent < TOTAL) {
      sent += 1;
      if (random() < 0.25) {
        const role = pick(['admin', 'editor', 'editor', 'reviewer', 'anonymous']);
        const shaped = await shapedRequest(request, tokens[role], context);
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
        slowest[shaped.shape] = Math.max(slowest[shaped.shape] ?? 0, Math.round(response.ms));
        if (response.status >= 500) failures.push({ method: shaped.method, route: shaped.route.slice(0, 300), role, shape: shaped.shape, body: (JSON.stringify(shaped.options.body) ?? shaped.options.raw)?.slice(0, 300), status: response.status, answer: response.text.slice(0, 300) });
        // Entries the fuzzer created are drafts: updating their credits reaches the save itself.
        if (response.status === 201 && response.body?.id && shaped.shape === 'entry create contributors') idsOf.entries.push(response.body.id);
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
  const failedShapes = {};
  for (const failure of failures) failedShapes[failure.shape ?? 'random'] = (failedShapes[failure.shape ?? 'random'] ?? 0) + 1;
  console.log(JSON.stringify({ requests: sent, operations: operations.length, statuses, shapes, slowestMsByShape: slowest, serverErrors, serverErrorsByShape: failedShapes, samples: failures.slice(0, 10) }, null, 2));
  process.exitCode = serverErrors === 0 ? 0 : 1;
} finally {
  await stack.stop();
}
