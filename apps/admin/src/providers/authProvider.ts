import { fetchUtils, HttpError, type AuthProvider } from 'react-admin';
import { canAccess } from './access';
import { API_URL, httpClient, serverMessage } from './httpClient';
import { clearSession, liveSession, readSession, saveSession, saveUser } from './session';
import type { User } from '@dsyb/contracts';

interface LoginResponse {
  accessToken: string;
  user: User;
}

function currentRoles() {
  return readSession()?.user.roles ?? [];
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const { json } = await fetchUtils.fetchJson(`${API_URL}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ username, password }),
      });
      const { accessToken, user } = json as LoginResponse;
      saveSession(accessToken, user);
    } catch (error) {
      // The login form shows the message; a translation key is translated, the server's
      // own sentence is shown as it is.
      if (error instanceof HttpError) {
        throw new Error(
          serverMessage(error.body) ?? (error.status === 401 ? 'app.auth.invalid_credentials' : error.message),
        );
      }
      throw error;
    }
  },

  async logout() {
    clearSession();
  },

  async checkAuth() {
    if (!liveSession()) {
      clearSession();
      throw new Error('ra.auth.auth_check_error');
    }
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
    // 403 and the rest: the user stays signed in and sees the server's message.
  },

  async getIdentity() {
    const session = readSession();
    // Without a session there is nobody to ask the server about (and its 401 would log out again).
    if (!session) throw new Error('ra.auth.auth_check_error');
    try {
      const { json } = await httpClient(`${API_URL}/auth/me`);
      const user = json as User;
      saveUser(user);
      return { id: user.id, fullName: user.displayName };
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) throw error;
      // The server could not be asked; the user saved at login still names who is signed in.
      return { id: session.user.id, fullName: session.user.displayName };
    }
  },

  async getPermissions() {
    return currentRoles();
  },

  async canAccess({ resource, action }) {
    return canAccess(currentRoles(), { resource, action });
  },
};
