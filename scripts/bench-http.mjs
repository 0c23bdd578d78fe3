// Shared by the load and fuzz scripts: a disposable stack and a small JSON HTTP client.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, root, startDisposableStack } from './stack.mjs';

export async function benchStack(name, env = {}) {
  if (!existsSync(path.join(root, 'dist/apps/api/src/main.js')) || process.env.BUILD) build({ admin: false });
  return startDisposableStack({ name, env, logDir: path.join(root, 'test-artifacts', name) });
}

export function client(baseUrl) {
  return async function request(method, route, { token, body, raw, headers = {} } = {}) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    let json;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: response.status, body: json, text, ms: performance.now() - started };
  };
}

export function percentile(sorted, p) {
  if (!sorted.length) return null;
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1));
}

/** A process's peak resident set so far (VmHWM), or its current one (VmRSS), in MB (Linux). */
export function rssMb(pid, field = 'VmHWM') {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** User + system CPU time of a process so far, from /proc (clock ticks of 10 ms). */
export function processCpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}
