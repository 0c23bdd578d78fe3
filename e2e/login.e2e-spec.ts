/**
 * Login that cannot be turned against users (issue 17, OWASP ASVS v4 chapter 2): failed logins
 * slow down guessing from one address without locking the owner out; usernames are one account
 * whatever their letter case; weak passwords are refused naming the rule; a password change or
 * reset ends the user's other sessions; X-Forwarded-For counts only from configured proxies
 * (none here); a hand-made token is a 401; a Redis or PostgreSQL that does not answer is a 503.
 *
 * Other client addresses are real ones: the stack listens on 127.0.0.1, and Linux lets a client
 * connect from any address of 127.0.0.0/8 (127.0.0.2, 127.0.0.3…).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { api, login } from './support';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..');

let admin: string;

beforeAll(async () => {
  admin = await login('admin');
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: any;
}

/** A JSON request to `baseUrl` from the client address `from`, with `headers` added. */
function requestFrom(from: string, method: string, route: string, options: { body?: unknown; headers?: Record<string, string>; baseUrl?: string } = {}): Promise<Answer> {
  const url = new URL(route, options.baseUrl ?? process.env.E2E_BASE_URL);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, localAddress: from, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...options.headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text && response.headers['content-type']?.includes('json') ? JSON.parse(text) : text });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

const loginFrom = (from: string, username: string, password: string, headers?: Record<string, string>) =>
  requestFrom(from, 'POST', '/api/auth/login', { body: { username, password }, headers });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh account with a password the policy accepts. */
async function createUser(roles: string[] = ['editor']): Promise<{ id: string; username: string; password: string }> {
  const username = `login-${randomBytes(4).toString('hex')}`;
  const password = `梧桐-${randomBytes(6).toString('hex')}`;
  const response = await api('POST', '/api/users', { token: admin, body: { username, displayName: '登录测试', roles, password } });
  expect(response.status).toBe(201);
  return { id: response.body.id, username, password };
}

describe('failed logins', () => {
  it('slow down guessing from one address for one username, and let the right password in after the wait', async () => {
    const user = await createUser();
    const guesser = '127.0.0.2';
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await loginFrom(guesser, user.username, 'wrong-password')).status).toBe(401);

    const early = await loginFrom(guesser, user.username, user.password);
    expect(early.status).toBe(429);
    expect(early.body.message).toMatch(/^该账号在此地址登录失败次数过多，请 \d+ 秒后再试$/);
    const retryAfter = Number(early.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);

    await sleep(retryAfter * 1000 + 100);
    const later = await loginFrom(guesser, user.username, user.password);
    expect(later.status).toBe(200);
    expect(later.body.user.username).toBe(user.username);
  });

  it('never refuse the right password from another address, however many failures someone else had', async () => {
    const user = await createUser();
    const answers: number[] = [];
    for (let attempt = 0; attempt < 15; attempt += 1) answers.push((await loginFrom('127.0.0.3', user.username.toUpperCase(), 'wrong-password')).status);
    // Five free failures, then each attempt waits: the guesser is slowed down, not the user.
    expect(answers.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 429]);

    const owner = await loginFrom('127.0.0.4', user.username, user.password);
    expect(owner.status).toBe(200);
  });

  it('count against the address the connection comes from: X-Forwarded-For is ignored without a configured proxy', async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await loginFrom('127.0.0.5', user.username, 'wrong-password', { 'x-forwarded-for': `203.0.113.${attempt}` })).status).toBe(401);
    }
    // A new forwarded address each time does not reset the count of the real address.
    const spoofed = await loginFrom('127.0.0.5', user.username, 'wrong-password', { 'x-forwarded-for': '203.0.113.99' });
    expect(spoofed.status).toBe(429);

    const filter = encodeURIComponent(JSON.stringify({ entityId: user.id, action: 'auth.login_failed' }));
    const trail = await api<Array<{ ip: string | null }>>('GET', `/api/audit-events?filter=${filter}`, { token: admin });
    expect(trail.body).toHaveLength(5);
    expect(new Set(trail.body.map((event) => event.ip))).toEqual(new Set(['127.0.0.5']));
  });
});

describe('usernames', () => {
  it('do not show whether they exist by how long a failed login takes', async () => {
    const user = await createUser();
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const timed = async (from: string, username: string) => {
      const started = process.hrtime.bigint();
      expect((await loginFrom(from, username, 'wrong-password')).status).toBe(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, each from an address of its own so that no attempt is slowed by the throttle.
    for (let round = 1; round <= 9; round += 1) {
      known.push(await timed(`127.0.1.${round}`, user.username));
      unknown.push(await timed(`127.0.2.${round}`, `nobody-${randomBytes(4).toString('hex')}`));
    }
    console.log(`failed login, median of 9: known user ${median(known).toFixed(1)} ms, unknown user ${median(unknown).toFixed(1)} ms`);
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.7);
    expect(median(known)).toBeGreaterThan(median(unknown) * 0.7);
  });

  it('are one account whatever their letter case: EDITOR signs in as editor, and no "Editor" can be created beside "editor"', async () => {
    const signedIn = await api('POST', '/api/auth/login', { body: { username: 'EDITOR', password: 'demo12345' } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.username).toBe('editor');

    const twin = await api('POST', '/api/users', { token: admin, body: { username: 'Editor', displayName: '重名', roles: ['editor'], password: `梧桐-${randomBytes(6).toString('hex')}` } });
    expect(twin.status).toBe(409);
    expect(twin.body.message).toBe('用户名 editor 已存在');

    const mixed = `Mixed-${randomBytes(3).toString('hex')}`;
    const created = await api('POST', '/api/users', { token: admin, body: { username: mixed, displayName: '大小写', roles: ['editor'], password: `梧桐-${randomBytes(6).toString('hex')}` } });
    expect(created.status).toBe(201);
    expect(created.body.username).toBe(mixed.toLowerCase());
  });
});

describe('passwords', () => {
  it('are refused with a 400 naming the rule when short, blank, the username or common', async () => {
    const username = `weak-${randomBytes(4).toString('hex')}`;
    const refusals: Array<[string, string]> = [
      ['12345678', '密码至少 12 个字符'],
      [' '.repeat(12), '密码不能只由空白字符组成'],
      [username, '密码不能包含用户名'],
      [`${username.toUpperCase()}!2026`, '密码不能包含用户名'],
      ['password1234', '密码太容易被猜到'],
      ['qwertyuiop123', '密码太容易被猜到'],
      ['aaaaaaaaaaaaaaaa', '密码太容易被猜到'],
    ];
    for (const [password, rule] of refusals) {
      const response = await api('POST', '/api/users', { token: admin, body: { username, displayName: '弱密码', roles: ['editor'], password } });
      expect([password, response.status]).toEqual([password, 400]);
      expect(response.body.message).toContain(rule);
    }

    const user = await createUser();
    const reset = await api('PUT', `/api/users/${user.id}`, { token: admin, body: { password: '12345678' } });
    expect(reset.status).toBe(400);
    expect(reset.body.message).toBe('密码至少 12 个字符');
    const token = await login(user.username, user.password);
    const own = await api('POST', '/api/auth/password', { token, body: { currentPassword: user.password, newPassword: 'password1234' } });
    expect(own.status).toBe(400);
    expect(own.body.message).toContain('密码太容易被猜到');
  });

  it('changed by the user end their other sessions; the changing session gets a new token', async () => {
    const user = await createUser();
    const here = await login(user.username, user.password);
    const elsewhere = await login(user.username, user.password);

    const wrong = await api('POST', '/api/auth/password', { token: here, body: { currentPassword: 'not-my-password', newPassword: '新的密码-长一些-2026' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('当前密码不正确');

    const newPassword = `新的密码-${randomBytes(4).toString('hex')}`;
    const changed = await api('POST', '/api/auth/password', { token: here, body: { currentPassword: user.password, newPassword } });
    expect(changed.status).toBe(200);
    expect(changed.body.user.username).toBe(user.username);

    for (const old of [here, elsewhere]) {
      const refused = await api('GET', '/api/auth/me', { token: old });
      expect(refused.status).toBe(401);
      expect(refused.body.message).toBe('密码已修改，请使用新密码重新登录');
    }
    expect((await api('GET', '/api/auth/me', { token: changed.body.accessToken })).status).toBe(200);
    expect((await api('POST', '/api/auth/login', { body: { username: user.username, password: user.password } })).status).toBe(401);
    await expect(login(user.username, newPassword)).resolves.toEqual(expect.any(String));

    const filter = encodeURIComponent(JSON.stringify({ entityId: user.id, action: 'user.password_change' }));
    const trail = await api<Array<{ actorName: string }>>('GET', `/api/audit-events?filter=${filter}`, { token: admin });
    expect(trail.body.map((event) => event.actorName)).toEqual([user.username]);
  });

  it('reset by an administrator end the user’s sessions; administrators change their own with the current one', async () => {
    const user = await createUser();
    const token = await login(user.username, user.password);
    const newPassword = `管理员重设-${randomBytes(4).toString('hex')}`;
    expect((await api('PUT', `/api/users/${user.id}`, { token: admin, body: { password: newPassword } })).status).toBe(200);
    const refused = await api('GET', '/api/issues', { token });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('密码已修改，请使用新密码重新登录');
    await expect(login(user.username, newPassword)).resolves.toEqual(expect.any(String));

    const me = (await api('GET', '/api/auth/me', { token: admin })).body;
    const own = await api('PUT', `/api/users/${me.id}`, { token: admin, body: { password: `自己重设-${randomBytes(4).toString('hex')}` } });
    expect(own.status).toBe(409);
    expect(own.body.message).toContain('修改密码');
    expect((await api('GET', '/api/auth/me', { token: admin })).status).toBe(200);
  });
});

describe('tokens', () => {
  /** An HS256 token signed with the stack's own secret, as jsonwebtoken would make it. */
  function signed(payload: Record<string, unknown>): string {
    const secret = process.env.E2E_JWT_SECRET;
    if (!secret) throw new Error('E2E_JWT_SECRET is not set: run the end-to-end tests with `npm test`.');
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...payload, iat: now, exp: now + 600 })}`;
    return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
  }

  it('correctly signed but whose subject is not a user id are a 401, not a 500', async () => {
    for (const sub of ['not-a-uuid', "1' OR '1'='1", 42]) {
      const response = await api('GET', '/api/auth/me', { token: signed({ sub }) });
      expect([sub, response.status]).toEqual([sub, 401]);
      expect(response.body.message).toBe('登录凭证无效，请重新登录');
    }
    expect((await api('GET', '/api/auth/me', { token: signed({ sub: randomUUID() }) })).status).toBe(401);
  });
});

describe('login when a service does not answer', () => {
  /** The built API (dist/) on a port of its own, with `env` over the stack's settings. */
  async function startApi(env: Record<string, string>): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child: ChildProcess = spawn(process.execPath, ['-r', path.join(ROOT, 'scripts/register-paths.cjs'), path.join(ROOT, 'dist/apps/api/src/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: process.env.E2E_APP_DATABASE_URL,
        REDIS_URL: process.env.E2E_REDIS_URL,
        QUEUE_PREFIX: `dsyb-login-${randomBytes(3).toString('hex')}`,
        JWT_SECRET: randomBytes(32).toString('hex'),
        HOST: '127.0.0.1',
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    const deadline = Date.now() + 30_000;
    while (!Buffer.concat(output).toString().includes('API listening')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the API did not start:\n${Buffer.concat(output)}`);
      await sleep(100);
    }
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      stop: async () => {
        if (child.exitCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      },
    };
  }

  /** A port nothing listens on. */
  const deadPort = () => String(1 + Math.floor(Math.random() * 1000) + 64_000);

  it('answers 503 in Chinese within seconds when Redis is down', async () => {
    const stack = await startApi({ REDIS_URL: `redis://127.0.0.1:${deadPort()}` });
    try {
      const started = Date.now();
      const response = await requestFrom('127.0.0.1', 'POST', '/api/auth/login', { baseUrl: stack.baseUrl, body: { username: 'editor', password: 'demo12345' } });
      expect(response.status).toBe(503);
      expect(response.body.message).toBe('登录服务暂时不可用（缓存服务 Redis 无响应），请稍后重试');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await stack.stop();
    }
  });

  it('answers 503 in Chinese when PostgreSQL is down', async () => {
    const stack = await startApi({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadPort()}/dsyb` });
    try {
      const response = await requestFrom('127.0.0.1', 'POST', '/api/auth/login', { baseUrl: stack.baseUrl, body: { username: 'editor', password: 'demo12345' } });
      expect(response.status).toBe(503);
      expect(response.body.message).toBe('数据库暂时无法连接，请稍后重试。');
    } finally {
      await stack.stop();
    }
  });
});
