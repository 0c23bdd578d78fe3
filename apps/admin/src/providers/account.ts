import type { User } from '@dsyb/contracts';
import { API_URL, httpClient } from './httpClient';
import { saveSession } from './session';

/**
 * Changes the signed-in user's own password. The server ends every earlier token of the user,
 * this one included, and answers with a new session, which replaces the stored one.
 */
export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  const { json } = await httpClient(`${API_URL}/auth/password`, { method: 'POST', body: JSON.stringify({ currentPassword, newPassword }) });
  const { accessToken, user } = json as { accessToken: string; user: User };
  saveSession(accessToken, user);
}
