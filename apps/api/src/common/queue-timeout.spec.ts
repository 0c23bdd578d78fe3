import { DomainError } from './domain-errors';
import { queueCall } from './queue-timeout';

/** A queue call that Redis never answers (connected but stopped, or a network dropping packets). */
const unanswered = () => new Promise<never>(() => undefined);

it('turns a queue call Redis does not answer into a 503 in Chinese within the bound, saying what was kept', async () => {
  const started = Date.now();
  const failure = await queueCall(unanswered, { timeoutMs: 200, recorded: '排版请求已记录，无需重新提交。', details: { rendition: { id: 'r1' } } }).catch((error: unknown) => error);
  expect(Date.now() - started).toBeLessThan(1000);
  expect(failure).toBeInstanceOf(DomainError);
  expect(failure).toMatchObject({ code: 'unavailable', message: '任务队列暂时不可用：排版请求已记录，无需重新提交。', details: { rendition: { id: 'r1' } } });
});

it('says the queue is unavailable when Redis refuses the call at once, and passes on what it answers otherwise', async () => {
  const refused = () => Promise.reject(new Error("Stream isn't writeable and enableOfflineQueue options is false"));
  await expect(queueCall(refused)).rejects.toMatchObject({ code: 'unavailable', message: '任务队列暂时不可用，请稍后再试。' });
  await expect(queueCall(async () => 'job-1')).resolves.toBe('job-1');
});
