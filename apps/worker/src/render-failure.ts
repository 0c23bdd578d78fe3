/** Set by BullMQ when a job's worker died more often than maxStalledCount allows. */
const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';

/**
 * A rendition without a stored snapshot whose issue content changed between the request and the
 * render: it is not printed (the editor asked for what they saw then), and asking again renders
 * what is there now.
 */
export const CONTENT_CHANGED = '请求后内容已更改，请重新生成';

/**
 * A final requested from other content than its revision's publication (made while the issue was
 * signed off, then published after a section, unit or the masthead was changed): it is not the
 * published issue, and is not printed. Asking for the final again renders the publication.
 */
export const NOT_AS_PUBLISHED = '该正式版的内容与期刊发布时的内容不一致，未予排版；请重新生成正式版';

/** BullMQ's UnrecoverableError, recognised by name (the class need not be the same copy). */
export function isUnrecoverable(error: Error): boolean {
  return error.name === 'UnrecoverableError';
}

/** What the editor reads on a failed rendition. */
export function failureMessage(job: { attemptsMade: number }, error: Error): string {
  if (error.message === STALLED_TOO_OFTEN) return '排版失败：排版进程多次在排版途中退出，已停止重试，请稍后重新生成';
  // Typesetting errors and the processor's own unrecoverable errors are written for the editor already.
  if (isUnrecoverable(error)) return error.message;
  return `排版失败（已尝试 ${job.attemptsMade} 次）：${error.message}`;
}
