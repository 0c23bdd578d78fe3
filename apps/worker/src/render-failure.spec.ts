import { UnrecoverableError } from 'bullmq';
import { failureMessage } from './render-failure';

describe('the message a failed rendition shows the editor', () => {
  it('is the typesetter’s own message when the content cannot be typeset', () => {
    expect(failureMessage({ attemptsMade: 1 }, new UnrecoverableError('条目《标题》排版失败：含有字体无法显示的字符：U+1F600'))).toBe(
      '条目《标题》排版失败：含有字体无法显示的字符：U+1F600',
    );
  });

  it('says how often it was tried when the failure was of the machinery', () => {
    expect(failureMessage({ attemptsMade: 4 }, new Error('排版超时：120 秒内未完成'))).toBe('排版失败（已尝试 4 次）：排版超时：120 秒内未完成');
  });

  it('explains in Chinese that workers kept dying on it', () => {
    expect(failureMessage({ attemptsMade: 0 }, new UnrecoverableError('job stalled more than allowable limit'))).toBe(
      '排版失败：排版进程多次在排版途中退出，已停止重试，请稍后重新生成',
    );
  });
});
