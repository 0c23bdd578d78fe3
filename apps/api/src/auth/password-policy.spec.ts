import { DomainError } from '../common/domain-errors';
import { assertPasswordAllowed } from './password-policy';

function refusal(password: string, username: string): string | undefined {
  try {
    assertPasswordAllowed(password, username);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid');
    return (error as Error).message;
  }
}

it('refuses short, blank, username-containing and easily guessed passwords, naming the rule', () => {
  expect(refusal('12345678', 'li.ming')).toBe('密码至少 12 个字符');
  expect(refusal(' '.repeat(12), 'li.ming')).toBe('密码不能只由空白字符组成');
  expect(refusal('LI.MING-2026-xyz', 'li.ming')).toBe('密码不能包含用户名');
  expect(refusal('password1234', 'li.ming')).toBe('密码太容易被猜到（与常用密码相近）：请换用更长、不常见的词句组合');
  expect(refusal('1qaz2wsx3edc', 'li.ming')).toBe('密码太容易被猜到（这是常用密码）：请换用更长、不常见的词句组合');
  expect(refusal('aaaaaaaaaaaa', 'li.ming')).toContain('重复的字符');
});

it('accepts a long passphrase, Chinese included, and counts characters rather than bytes', () => {
  expect(refusal('correct horse battery staple', 'li.ming')).toBeUndefined();
  expect(refusal('河长制工作推进会议很重要啊', 'li.ming')).toBeUndefined();
  expect(refusal('河长制工作推进会议', 'li.ming')).toBe('密码至少 12 个字符');
});
