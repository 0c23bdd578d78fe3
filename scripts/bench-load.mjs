// `npm run bench:load`: 50 simulated editors for 60 s on loopback, saving drafts of their own
// entries and, for some of them, one shared entry. Prints JSON: throughput, save latency
// p50/p95/p99, 5xx count (must be 0), stale-version conflicts, and lost updates (must be 0:
// every acknowledged save must be in the entry's history). LOAD_EDITORS / LOAD_SECONDS /
// LOAD_THINK_MS (average pause between one editor's saves, like an autosave) override.
import { benchStack, client, percentile, processCpuMs } from './bench-http.mjs';

const EDITORS = Number(process.env.LOAD_EDITORS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const SHARED_EDITORS = Math.ceil(EDITORS / 5);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 1000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const stack = await benchStack('load', { API_PROCESSES: process.env.API_PROCESSES ?? '1' });
try {
  const request = client(stack.baseUrl);
  const admin = (await request('POST', '/api/auth/login', { body: { username: 'admin', password: 'demo12345' } })).body.accessToken;
  const sections = (await request('GET', '/api/sections', { token: admin })).body;

  const editors = [];
  for (let index = 0; index < EDITORS; index += 1) {
    const username = `load-editor-${index}`;
    await request('POST', '/api/users', { token: admin, body: { username, displayName: `压测编辑${index}`, roles: ['editor'], password: 'load-test-password' } });
    const token = (await request('POST', '/api/auth/login', { body: { username, password: 'load-test-password' } })).body.accessToken;
    const entry = (await request('POST', '/api/entries', { token, body: { title: `压测条目${index}`, sectionId: sections[index % sections.length].id, eventDate: '2020-09-01', bodyText: '9月1日，初稿。' } })).body;
    editors.push({ index, token, own: entry.id });
  }
  const shared = (await request('POST', '/api/entries', { token: editors[0].token, body: { title: '多人同改的条目', sectionId: sections[0].id, eventDate: '2020-09-02', bodyText: '9月2日，初稿。' } })).body.id;

  const latencies = [];
  const acknowledged = [];
  let serverErrors = 0;
  let conflicts = 0;
  let otherErrors = 0;
  let rereads = 0;
  const deadline = Date.now() + SECONDS * 1000;

  // Like the editor's autosave: the client keeps the version its last save returned, re-reads
  // only after a stale-version answer, and saves again after a pause (THINK_MS on average).
  async function editorLoop(editor) {
    const versions = new Map();
    let saves = 0;
    await sleep(Math.random() * THINK_MS);
    while (Date.now() < deadline) {
      const entryId = editor.index < SHARED_EDITORS && saves % 2 === 1 ? shared : editor.own;
      if (!versions.has(entryId)) {
        const current = await request('GET', `/api/entries/${entryId}`, { token: editor.token });
        rereads += 1;
        if (current.status >= 500) serverErrors += 1;
        if (current.status !== 200) continue;
        versions.set(entryId, current.body.version);
      }
      const bodyText = `9月1日，编辑${editor.index}的第${saves}次保存。`;
      const saved = await request('PUT', `/api/entries/${entryId}`, { token: editor.token, body: { version: versions.get(entryId), bodyText } });
      latencies.push(saved.ms);
      if (saved.status === 200) {
        acknowledged.push({ entryId, version: saved.body.version, bodyText });
        versions.set(entryId, saved.body.version);
      } else if (saved.status === 409) {
        conflicts += 1;
        versions.delete(entryId);
      } else if (saved.status >= 500) serverErrors += 1;
      else otherErrors += 1;
      saves += 1;
      await sleep(THINK_MS * (0.5 + Math.random()));
    }
  }
  const started = Date.now();
  const cpuBefore = processCpuMs(stack.api.pid);
  await Promise.all(editors.map(editorLoop));
  const elapsed = (Date.now() - started) / 1000;
  const apiCpuMs = processCpuMs(stack.api.pid) - cpuBefore;

  // Every save the server acknowledged must be in that entry's history, at that version.
  const histories = new Map();
  let lostUpdates = 0;
  for (const save of acknowledged) {
    if (!histories.has(save.entryId)) {
      const revisions = (await request('GET', `/api/entries/${save.entryId}/revisions`, { token: admin })).body;
      histories.set(save.entryId, new Map(revisions.map((revision) => [revision.version, revision.bodyText])));
    }
    if (histories.get(save.entryId).get(save.version) !== save.bodyText) lostUpdates += 1;
  }

  latencies.sort((a, b) => a - b);
  const report = {
    editors: EDITORS,
    apiProcesses: Number(stack.env.API_PROCESSES),
    editorsSharingOneEntry: SHARED_EDITORS,
    averagePauseBetweenSavesMs: THINK_MS,
    seconds: Number(elapsed.toFixed(1)),
    saveAttempts: latencies.length,
    acknowledgedSaves: acknowledged.length,
    savesPerSecond: Number((latencies.length / elapsed).toFixed(1)),
    // CPU the API process spent per request during the run (saves and the reads after a
    // conflict): unlike latency, barely moved by whatever else the machine is doing.
    apiCpuMsPerRequest: Number((apiCpuMs / (latencies.length + rereads)).toFixed(2)),
    saveLatencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    staleVersionConflicts: conflicts,
    serverErrors,
    otherErrors,
    lostUpdates,
    targets: { p95AtMost50ms: percentile(latencies, 95) <= 50, zeroServerErrors: serverErrors === 0, zeroLostUpdates: lostUpdates === 0 },
  };
  console.log(JSON.stringify(report, null, 2));
  process.exitCode = serverErrors === 0 && lostUpdates === 0 ? 0 : 1;
} finally {
  await stack.stop();
}
