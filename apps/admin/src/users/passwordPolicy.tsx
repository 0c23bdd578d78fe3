import { Box, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslate } from 'react-admin';
import { PASSWORD_SCORE_LABELS } from '@dsyb/contracts';
import type { PasswordJudgement } from './passwordStrength';

let judge: Promise<typeof import('./passwordStrength')> | undefined;
const loadJudge = () => (judge ??= import('./passwordStrength'));

/**
 * A react-admin validator applying the server's password policy (libs/contracts
 * password-policy.ts) before sending: the username comes from the form's `usernameSource` field,
 * or is given.
 */
export const validatePassword =
  ({ usernameSource, username }: { usernameSource?: string; username?: string }) =>
  async (value: unknown, values: Record<string, unknown>) => {
    if (typeof value !== 'string' || value === '') return undefined;
    const name = usernameSource ? values[usernameSource] : username;
    const { judgePassword } = await loadJudge();
    return judgePassword(value, typeof name === 'string' ? name : undefined).problem;
  };

const COLORS = ['error', 'error', 'warning', 'success', 'success'] as const;

/** How strong the password typed in `source` is, as the user types, and what rule it breaks. */
export const PasswordStrengthHint = ({ source, usernameSource, username }: { source: string; usernameSource?: string; username?: string }) => {
  const translate = useTranslate();
  const password: unknown = useWatch({ name: source });
  const watchedName: unknown = useWatch({ name: usernameSource ?? source });
  const name = usernameSource ? (typeof watchedName === 'string' ? watchedName : undefined) : username;
  const [judgement, setJudgement] = useState<PasswordJudgement>();

  useEffect(() => {
    if (typeof password !== 'string' || password === '') {
      setJudgement(undefined);
      return;
    }
    let current = true;
    void loadJudge().then(({ judgePassword }) => {
      if (current) setJudgement(judgePassword(password, name));
    });
    return () => {
      current = false;
    };
  }, [password, name]);

  if (!judgement) return null;
  const score = judgement.problem ? Math.min(judgement.score, 2) : judgement.score;
  return (
    <Box data-testid="password-strength" sx={{ mt: 0.5, mb: 2, width: '100%', maxWidth: 400 }}>
      <LinearProgress variant="determinate" value={(score + 1) * 20} color={judgement.problem ? COLORS[Math.min(score, 2)] : COLORS[score]} />
      <Typography variant="caption" color={judgement.problem ? 'error' : 'text.secondary'}>
        {translate('app.password.strength', { label: PASSWORD_SCORE_LABELS[score] })}
        {judgement.problem ? `：${judgement.problem}` : ''}
      </Typography>
    </Box>
  );
};
