import { enqueueRender, RENDER_JOB, RENDER_JOB_OPTIONS, renderJobId, type RenderQueue } from './queue';

/** A queue holding at most one job per id, as BullMQ does. */
function fakeQueue(existing: Record<string, string> = {}) {
  const jobs = new Map(Object.entries(existing));
  const added: Array<{ name: string; data: unknown; opts: { jobId: string } }> = [];
  const queue: RenderQueue = {
    getJob: async (jobId) => (jobs.has(jobId) ? { getState: async () => jobs.get(jobId)! } : undefined),
    remove: async (jobId) => (jobs.delete(jobId) ? 1 : 0),
    add: async (name, data, opts) => {
      added.push({ name, data, opts });
      if (!jobs.has(opts.jobId)) jobs.set(opts.jobId, 'waiting');
    },
  };
  return { queue, jobs, added };
}

const id = '6f1c0a52-3d2e-4c1b-9a55-1d2f3e4a5b6c';

it('names the job after the rendition, in a form BullMQ accepts', () => {
  expect(renderJobId(id)).toBe(`render-${id}`);
  expect(renderJobId(id)).not.toContain(':');
});

it('queues a rendition that has no job, with retries', async () => {
  const { queue, added } = fakeQueue();
  expect(await enqueueRender(queue, id)).toBe(true);
  expect(added).toEqual([{ name: RENDER_JOB, data: { renditionId: id }, opts: { ...RENDER_JOB_OPTIONS, jobId: renderJobId(id) } }]);
});

it.each(['waiting', 'delayed', 'active', 'prioritized', 'completed'])('adds nothing while the job is %s', async (state) => {
  const { queue, added } = fakeQueue({ [renderJobId(id)]: state });
  expect(await enqueueRender(queue, id)).toBe(false);
  expect(added).toEqual([]);
});

it('replaces a job that failed for good, so that a rendition requested again runs again', async () => {
  const { queue, jobs, added } = fakeQueue({ [renderJobId(id)]: 'failed' });
  expect(await enqueueRender(queue, id)).toBe(true);
  expect(added).toHaveLength(1);
  expect(jobs.get(renderJobId(id))).toBe('waiting');
});
