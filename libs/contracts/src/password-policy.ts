/**
 * What a password set through the product must be (OWASP ASVS v4 2.1): long enough, not blank,
 * not the username, and not easy to guess. How easy a password is to guess is estimated by
 * zxcvbn-ts (dictionaries of common passwords, words and names, keyboard patterns, repeats,
 * sequences, dates); the API and the admin each run it and judge its estimate here, so the
 * form's hint and the server's refusal say the same thing.
 */
export const MIN_PASSWORD_LENGTH = 12;

/** zxcvbn's score, 0–4: 3 means about 10^10 guesses or more, beyond an online attack behind the login throttle. */
export const MIN_PASSWORD_SCORE = 3;

/** zxcvbn's estimate of a password: its score and the warning key it gives (null when none). */
export interface PasswordStrength {
  score: number;
  warning: string | null;
}

/** zxcvbn-ts warning keys, in Chinese. */
const WARNINGS: Record<string, string> = {
  topTen: '这是最常用的密码之一',
  topHundred: '这是非常常用的密码',
  common: '这是常用密码',
  similarToCommon: '与常用密码相近',
  wordByItself: '单个词语很容易被猜到',
  namesByThemselves: '单独的姓名很容易被猜到',
  commonNames: '常见姓名很容易被猜到',
  userInputs: '不能含有个人信息或本网站相关的词',
  straightRow: '键盘上连成一行的按键很容易被猜到',
  keyPattern: '键盘上的简短图案很容易被猜到',
  simpleRepeat: '重复的字符（如“aaa”）很容易被猜到',
  extendedRepeat: '重复的字符组合（如“abcabcabc”）很容易被猜到',
  sequences: '常见的字符序列（如“abc”“123”）很容易被猜到',
  recentYears: '近年的年份很容易被猜到',
  dates: '日期很容易被猜到',
  pwned: '该密码已在网上泄露的密码中出现',
};

/** How strong the form shows a password, by score. */
export const PASSWORD_SCORE_LABELS = ['极弱', '很弱', '较弱', '较强', '很强'] as const;

/**
 * The rule a password breaks, in a sentence naming it, or undefined when it may be used. The
 * username rule compares without letter case: "Editor2024-xyz" contains "editor".
 */
export function passwordProblem(password: string, username: string | undefined, strength: () => PasswordStrength): string | undefined {
  if (password.trim() === '') return '密码不能只由空白字符组成';
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  const name = username?.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) return '密码不能包含用户名';
  const { score, warning } = strength();
  if (score < MIN_PASSWORD_SCORE) {
    const reason = warning ? WARNINGS[warning] : undefined;
    return `密码太容易被猜到${reason ? `（${reason}）` : ''}：请换用更长、不常见的词句组合`;
  }
  return undefined;
}
