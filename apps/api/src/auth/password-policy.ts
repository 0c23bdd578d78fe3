import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { passwordProblem } from '@dsyb/contracts';
import { invalid } from '../common/domain-errors';

/** zxcvbn-ts with its language-independent dictionaries: common passwords, words and names, keyboard layouts. */
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/**
 * Refuses (400, naming the rule) a password that may not be set: every password set through the
 * product passes here (creating a user, an administrator's reset, one's own change).
 */
export function assertPasswordAllowed(password: string, username: string): void {
  const problem = passwordProblem(password, username, () => {
    const result = zxcvbn.check(password, [username]);
    return { score: result.score, warning: result.feedback.warning };
  });
  if (problem) throw invalid(problem);
}
