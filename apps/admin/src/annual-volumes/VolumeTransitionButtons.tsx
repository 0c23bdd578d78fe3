import { useTranslate } from 'react-admin';
import type { AnnualVolume, IssueTransition } from '@dsyb/contracts';
import { issueTransitions } from '../review/allowedTransitions';
import { TransitionButtonSet } from '../review/TransitionButtonSet';
import { useRoles } from '../review/useRoles';
import { useVolumeTransition } from '../review/useTransitions';
import { useVolumeLabel } from './volumeFields';

/**
 * 送审 · 签发 · 退回 · 发布 of an annual volume: what the issue's rules let the user do in the
 * volume's present state. A return asks what to change; publishing, which freezes the volume
 * for good, asks first. A refusal (corrections of monthly issues still waiting) is the server's
 * sentence, shown as it is.
 */
export const VolumeTransitionButtons = ({ volume, only }: { volume: AnnualVolume; only?: readonly IssueTransition[] }) => {
  const translate = useTranslate();
  const roles = useRoles();
  const label = useVolumeLabel()(volume);
  const transition = useVolumeTransition();
  const actions = issueTransitions(volume.status, roles).filter(action => (only ? only.includes(action) : true));
  if (actions.length === 0) return null;

  const run = (action: IssueTransition, comment?: string) =>
    transition.mutateAsync({ volumeId: volume.id, action, body: { version: volume.version, ...(comment ? { comment } : {}) } });
  return (
    <TransitionButtonSet
      actions={actions}
      busy={transition.isPending}
      testIdPrefix="volume"
      run={run}
      press={(action) => void run(action).catch(() => undefined)}
      returnText={{ title: translate('app.annual_volumes.return_title', { volume: label }), description: translate('app.annual_volumes.return_help') }}
      publishText={{ title: 'app.annual_volumes.publish_title', titleOptions: { volume: label }, content: 'app.annual_volumes.publish_content' }}
    />
  );
};
