import { randomBytes } from 'node:crypto';
import { api, login } from './support';

jest.setTimeout(60000);

let admin: string;
let editor: string;

beforeAll(async () => {
  [admin, editor] = await Promise.all([login('admin'), login('editor')]);
});

async function createUser(roles: string[]): Promise<{ id: string; username: string; password: string }> {
  const username = `probe-${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const response = await api('POST', '/api/users', { token: admin, body: { username, displayName: '测试用户', roles, password } });
  expect(response.status).toBe(201);
  return { id: response.body.id, username, password };
}

it('ends a deactivated user’s access at once', async () => {
  const user = await createUser(['editor']);
  const token = await login(user.username, user.password);
  expect((await api('GET', '/api/issues', { token })).status).toBe(200);
  expect((await api('PUT', `/api/users/${user.id}`, { token: admin, body: { active: false } })).status).toBe(200);
  const refused = await api('GET', '/api/issues', { token });
  expect(refused.status).toBe(401);
  expect(refused.body.message).toContain('停用');
});

it('records logins, failed logins and user changes in the audit trail, for admins only', async () => {
  const user = await createUser(['reviewer']);
  await api('POST', '/api/auth/login', { body: { username: user.username, password: 'nope-nope' } });
  await login(user.username, user.password);
  const filter = encodeURIComponent(JSON.stringify({ entityId: user.id }));
  const trail = await api<any[]>('GET', `/api/audit-events?filter=${filter}&sort=["createdAt","ASC"]`, { token: admin });
  expect(trail.status).toBe(200);
  expect(trail.body.map((event) => event.action)).toEqual(['user.create', 'auth.login_failed', 'auth.login']);
  expect(trail.body[0].actorName).toBe('admin');
  expect(JSON.stringify(trail.body)).not.toContain('passwordHash');
  expect((await api('GET', '/api/audit-events', { token: editor })).status).toBe(403);
});

it('lets admins change the masthead, with validation, and nobody else', async () => {
  const current = await api('GET', '/api/settings/masthead', { token: editor });
  expect(current.body).toMatchObject({ sponsor: '中原区人民政府', phone: '0371-61290268' });
  expect((await api('PUT', '/api/settings/masthead', { token: editor, body: { phone: '0371-00000000' } })).status).toBe(403);
  const bad = await api('PUT', '/api/settings/masthead', { token: admin, body: { email: 'not-an-email', paper: 'a0' } });
  expect(bad.status).toBe(400);
  expect(bad.body.message).toContain('email');
  expect(bad.body.message).toContain('paper');
  const same = await api('PUT', '/api/settings/masthead', { token: admin, body: { phone: current.body.phone } });
  expect(same.status).toBe(200);
});

it('sends security headers and no CORS permission to other origins', async () => {
  const response = await fetch(`${process.env.E2E_BASE_URL}/api/health`, { headers: { origin: 'https://evil.example' } });
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
});
