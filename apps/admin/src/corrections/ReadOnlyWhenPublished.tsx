import { useEffect } from 'react';
import { useNotify } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { IssueStatus } from '@dsyb/contracts';

/**
 * An edit page of something published (an /edit address typed or bookmarked) opens the read-only
 * page instead, saying why: nothing there can be saved, and the way forward is a correction.
 */
export const ReadOnlyWhenPublished = ({ issueState, showPath }: { issueState: IssueStatus | null | undefined; showPath: string }) => {
  const navigate = useNavigate();
  const notify = useNotify();
  const published = issueState === 'published';
  useEffect(() => {
    if (!published) return;
    notify('app.corrections.edit_published', { type: 'info' });
    navigate(showPath, { replace: true });
  }, [published, showPath, navigate, notify]);
  return null;
};
