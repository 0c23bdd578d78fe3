import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { MIN_RETURN_COMMENT_LENGTH } from './allowedTransitions';

/** Characters that count, as the server counts them: blanks do not. */
const meaningfulLength = (text: string) => text.replace(/\s+/g, '').length;

/**
 * Asks for the comment a return needs (what to change), checked as the server checks it, with
 * the reason shown in the user's language before anything is sent.
 */
export const CommentDialog = ({
  open,
  title,
  description,
  confirmLabel,
  busy,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  busy: boolean;
  onClose: () => void;
  /** Resolves when the server accepted; the dialog then closes and forgets the comment. */
  onConfirm: (comment: string) => Promise<unknown>;
}) => {
  const translate = useTranslate();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (meaningfulLength(comment) < MIN_RETURN_COMMENT_LENGTH) {
      setError(translate('app.workflow.comment_required', { min: MIN_RETURN_COMMENT_LENGTH }));
      return;
    }
    try {
      await onConfirm(comment.trim());
      setComment('');
      onClose();
    } catch {
      // The refusal is shown as a notification; the comment stays for another try.
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" data-testid="comment-dialog">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{description}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={4}
            label={translate('app.workflow.comment')}
            name="comment"
            value={comment}
            onChange={event => {
              setComment(event.target.value);
              if (error) setError(undefined);
            }}
            error={error !== undefined}
            helperText={error ?? translate('app.workflow.comment_help')}
            required
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" color="warning" disabled={busy}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
