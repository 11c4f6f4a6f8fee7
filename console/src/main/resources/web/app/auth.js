// Login through Keycloak with the authorization code flow and PKCE (S256): the browser holds no secret, and a
// stolen code is useless without the verifier kept in this tab. Tokens live in sessionStorage (this tab only,
// gone with it) and are refreshed shortly before they expire.

const STORE = 'customs.console.tokens';
const PENDING = 'customs.console.pending';
let settings;
let tokens = JSON.parse(sessionStorage.getItem(STORE) || 'null');

function endpoint(name) {
  return `${settings.issuer}/protocol/openid-connect/${name}`;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return `${location.origin}/`;
}

function keep(answer) {
  tokens = {
    access: answer.access_token,
    refresh: answer.refresh_token,
    id: answer.id_token,
    expiresAt: Date.now() + answer.expires_in * 1000,
  };
  sessionStorage.setItem(STORE, JSON.stringify(tokens));
}

async function tokenRequest(params) {
  const response = await fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: settings.clientId, ...params }),
  });
  if (!response.ok) {
    throw new Error(`Keycloak refused the token request (${response.status})`);
  }
  keep(await response.json());
}

async function login() {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const query = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri(),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${endpoint('auth')}?${query}`);
}

/** Finishes a login that Keycloak redirected back to; false when this page load is not such a return. */
async function completeLogin() {
  const query = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  if (!query.has('code') || !pending) {
    return false;
  }
  sessionStorage.removeItem(PENDING);
  if (query.get('state') !== pending.state) {
    throw new Error('The login answer does not belong to this tab (state mismatch)');
  }
  await tokenRequest({
    grant_type: 'authorization_code',
    code: query.get('code'),
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  history.replaceState(null, '', `/${pending.hash || ''}`);
  return true;
}

/** Resolves once the user is logged in; otherwise navigates to Keycloak and never resolves. */
export async function start(consoleSettings) {
  settings = consoleSettings;
  if (await completeLogin() || tokens) {
    return;
  }
  await login();
  await new Promise(() => {});
}

/** A valid access token, refreshed when it has less than 30 s left; logs in again when refreshing fails. */
export async function accessToken() {
  if (tokens && tokens.expiresAt - Date.now() < 30_000) {
    try {
      await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh });
    } catch (e) {
      sessionStorage.removeItem(STORE);
      tokens = null;
      await login();
    }
  }
  return tokens.access;
}

/** The access token's claims (for display and page choice only; the services check the token themselves). */
export function claims() {
  const payload = tokens.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0)));
  return JSON.parse(json);
}

export function roles() {
  return claims().realm_access?.roles ?? [];
}

export function logout() {
  const idToken = tokens?.id;
  sessionStorage.removeItem(STORE);
  tokens = null;
  const query = new URLSearchParams({ client_id: settings.clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) {
    query.set('id_token_hint', idToken);
  }
  location.assign(`${endpoint('logout')}?${query}`);
}
