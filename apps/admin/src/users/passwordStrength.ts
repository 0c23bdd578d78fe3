/**
 * zxcvbn-ts in the browser, for the password forms' hint and check. Loaded only when a password
 * form opens (its dictionaries are about 1 MB), through passwordPolicy.tsx.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { passwordProblem, type PasswordStrength } from '@dsyb/contracts';

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

export interface PasswordJudgement {
  /** zxcvbn's score, 0–4. */
  score: number;
  /** The rule the password breaks (the server's own sentence), if any. */
  problem: string | undefined;
}

export function judgePassword(password: string, username: string | undefined): PasswordJudgement {
  let strength: PasswordStrength | undefined;
  const estimate = (): PasswordStrength => {
    if (!strength) {
      const result = zxcvbn.check(password, username ? [username] : []);
      strength = { score: result.score, warning: result.feedback.warning };
    }
    return strength;
  };
  return { problem: passwordProblem(password, username, estimate), score: estimate().score };
}
