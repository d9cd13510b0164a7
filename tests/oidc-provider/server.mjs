// Local OpenID Connect provider for integration tests, built on `oidc-provider`.
//
// Configuration comes from environment variables (see README.md). Once the
// server listens, exactly one line `ready http://127.0.0.1:<port>` is written
// to stdout; everything else (including oidc-provider's development notices)
// goes to stderr. The process exits on SIGTERM/SIGINT, and when its stdin is
// a pipe that gets closed (so a crashed test runner does not leak it).

import { createServer } from 'node:http';
import { fstatSync } from 'node:fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';

import Provider from 'oidc-provider';

// stdout is reserved for the ready line: oidc-provider prints its notices
// through console.info, so route console.log/info to stderr.
console.log = (...args) => console.error(...args);
console.info = (...args) => console.error(...args);

function fail(message) {
  console.error(`oidc-provider (tests): ${message}`);
  process.exit(2);
}

function jsonEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  try {
    return JSON.parse(raw);
  } catch (err) {
    return fail(`${name} is not valid JSON: ${err.message}`);
  }
}

function intEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) fail(`${name} must be a non-negative integer`);
  return value;
}

function htmlEscape(value) {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>${htmlEscape(title)}</title></head>
<body>
<h1>${htmlEscape(title)}</h1>
${body}
</body>
</html>
`;
}

// ---------------------------------------------------------------------------
// Configuration

const PORT = intEnv('PORT', 0);
const CODE_TTL_SECONDS = intEnv('CODE_TTL_SECONDS', 60);
const CONFORM_ID_TOKEN_CLAIMS = (process.env.CONFORM_ID_TOKEN_CLAIMS ?? 'true') !== 'false';
const AUTH_METHODS = (process.env.TOKEN_ENDPOINT_AUTH_METHODS || 'client_secret_basic,client_secret_post')
  .split(',').map((s) => s.trim()).filter(Boolean);

const rawClients = jsonEnv('CLIENTS', []);
if (!Array.isArray(rawClients)) fail('CLIENTS must be a JSON array');
const clients = rawClients.map((client, index) => {
  if (!client || typeof client !== 'object') fail(`CLIENTS[${index}] must be an object`);
  if (!client.client_id) fail(`CLIENTS[${index}].client_id is required`);
  if (!Array.isArray(client.redirect_uris) || client.redirect_uris.length === 0) {
    fail(`CLIENTS[${index}].redirect_uris must be a non-empty array`);
  }
  // Any other client metadata (token_endpoint_auth_method, application_type,
  // userinfo_signed_response_alg, ...) is passed through unchanged.
  return {
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: AUTH_METHODS[0],
    ...client,
  };
});

const rawAccounts = jsonEnv('ACCOUNTS', {});
if (!rawAccounts || typeof rawAccounts !== 'object' || Array.isArray(rawAccounts)) {
  fail('ACCOUNTS must be a JSON object mapping login -> claims');
}
// login -> claims (sub defaults to the login), and sub -> claims.
const accountsByLogin = new Map();
const accountsBySub = new Map();
for (const [login, claims] of Object.entries(rawAccounts)) {
  if (!claims || typeof claims !== 'object') fail(`ACCOUNTS.${login} must be an object`);
  const account = { ...claims, sub: String(claims.sub ?? login) };
  accountsByLogin.set(login, account);
  accountsBySub.set(account.sub, account);
}

// Scope -> released claims. Standard OpenID Connect scopes first (plus
// ProConnect's `usual_name` under `profile`), then one scope per claim name
// found in the accounts (ProConnect style: scope `siret` releases `siret`),
// then the optional SCOPES override.
const PROTOCOL_CLAIMS = new Set(['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'jti', 'nonce', 'acr', 'amr', 'auth_time', 'sid', 'azp', 'at_hash', 'c_hash']);
const claimsConfig = {
  acr: null,
  amr: null,
  auth_time: null,
  sid: null,
  openid: ['sub'],
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  address: ['address'],
  profile: [
    'name', 'family_name', 'given_name', 'middle_name', 'nickname', 'preferred_username',
    'profile', 'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at',
    'usual_name',
  ],
};
for (const account of accountsByLogin.values()) {
  for (const claim of Object.keys(account)) {
    if (!PROTOCOL_CLAIMS.has(claim) && !(claim in claimsConfig)) claimsConfig[claim] = [claim];
  }
}
const extraScopes = jsonEnv('SCOPES', {});
for (const [scope, names] of Object.entries(extraScopes)) {
  if (!Array.isArray(names)) fail(`SCOPES.${scope} must be an array of claim names`);
  claimsConfig[scope] = names;
}

// One RSA key, generated per run, signs ID tokens and JWT userinfo (RS256).
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: randomBytes(8).toString('hex'),
  alg: 'RS256',
  use: 'sig',
};

// ---------------------------------------------------------------------------
// Pages

async function logoutSource(ctx, form) {
  // The provider's form only carries the xsrf token; add `logout=yes` (end
  // the whole session) and submit it automatically in a browser. A client
  // without JavaScript POSTs the hidden fields of `op.logoutForm` itself.
  const withLogout = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  ctx.type = 'html';
  ctx.body = page('Déconnexion', `${withLogout}
<noscript><button type="submit" form="op.logoutForm">Se déconnecter</button></noscript>
<script>document.getElementById('op.logoutForm').submit();</script>`);
}

async function postLogoutSuccessSource(ctx) {
  ctx.type = 'html';
  ctx.body = page('Déconnexion réussie', '<p>Vous êtes déconnecté.</p>');
}

async function renderError(ctx, out) {
  ctx.type = 'html';
  const items = Object.entries(out)
    .map(([key, value]) => `<li><strong>${htmlEscape(key)}</strong> : ${htmlEscape(value)}</li>`)
    .join('');
  ctx.body = page('Erreur', `<ul>${items}</ul>`);
}

// ---------------------------------------------------------------------------
// Provider

async function loadExistingGrant(ctx) {
  // No consent screen: every authorisation request is granted the scopes and
  // claims it asks for, so `prompt=consent` is always satisfied.
  const { client, session, params, provider } = ctx.oidc;
  const accountId = session.accountId;
  if (!accountId) return undefined;

  const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
  let grant = grantId ? await provider.Grant.find(grantId) : undefined;
  if (!grant || grant.accountId !== accountId) {
    grant = new provider.Grant({ accountId, clientId: client.clientId });
  }
  if (params.scope) grant.addOIDCScope(params.scope);
  const requestedClaims = ctx.oidc.claims || {};
  for (const use of ['id_token', 'userinfo']) {
    if (requestedClaims[use]) grant.addOIDCClaims(Object.keys(requestedClaims[use]));
  }
  await grant.save();
  return grant;
}

const server = createServer();

server.listen(PORT, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients,
    clientAuthMethods: AUTH_METHODS,
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: claimsConfig,
    conformIdTokenClaims: CONFORM_ID_TOKEN_CLAIMS,
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      userinfo: { enabled: true },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    ttl: {
      AuthorizationCode: CODE_TTL_SECONDS,
      AccessToken: 3600,
      IdToken: 3600,
      Interaction: 3600,
      Grant: 86400,
      Session: 86400,
    },
    async findAccount(_ctx, sub) {
      const account = accountsBySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { ...account };
        },
      };
    },
    loadExistingGrant,
    renderError,
  });
  provider.on('server_error', (_ctx, err) => console.error('server_error', err));

  const handleProvider = provider.callback();

  server.on('request', async (req, res) => {
    try {
      const url = new URL(req.url, issuer);
      const match = /^\/interaction\/([^/]+)(\/login)?\/?$/.exec(url.pathname);
      if (!match) {
        handleProvider(req, res);
        return;
      }
      const [, uid, login] = match;
      if (!login && req.method === 'GET') {
        await showInteraction(provider, req, res, uid);
      } else if (login && req.method === 'POST') {
        await submitLogin(provider, req, res);
      } else {
        sendHtml(res, 405, page('Méthode non autorisée', ''));
      }
    } catch (err) {
      console.error(err);
      if (!res.headersSent) {
        const status = err.statusCode || err.status || 500;
        sendHtml(res, status, page('Erreur', `<p>${htmlEscape(err.message)}</p>`));
      }
    }
  });

  process.stdout.write(`ready ${issuer}\n`);
});

server.on('error', (err) => fail(err.message));

function sendHtml(res, status, html) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw Object.assign(new Error('request body too large'), { statusCode: 413 });
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function showInteraction(provider, req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name !== 'login') {
    // Consent prompt (native clients, prompt=consent with a live session):
    // grant everything requested without showing anything.
    const grantId = await grantFor(provider, details, details.session.accountId);
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  const client = details.params.client_id ? htmlEscape(details.params.client_id) : '';
  sendHtml(res, 200, page('Connexion', `<p>Application : ${client}</p>
<form method="post" action="/interaction/${htmlEscape(uid)}/login">
  <label for="login">Identifiant</label>
  <input id="login" name="login" autofocus>
  <button type="submit">Se connecter</button>
</form>`));
}

async function submitLogin(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const form = await readForm(req);
  const account = accountsByLogin.get(form.get('login') ?? '');
  if (!account) {
    sendHtml(res, 400, page('Identifiant inconnu', `<p>Aucun compte « ${htmlEscape(form.get('login') ?? '')} ».</p>`));
    return;
  }
  if (details.prompt.name !== 'login') {
    sendHtml(res, 400, page('Interaction inattendue', `<p>${htmlEscape(details.prompt.name)}</p>`));
    return;
  }
  // Login and consent in one step, so that no consent prompt follows.
  const grantId = await grantFor(provider, details, account.sub);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.sub }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

// Saves a grant covering every scope and claim of the pending authorisation
// request and returns its id.
async function grantFor(provider, details, accountId) {
  const { params } = details;
  let grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  if (!grant || grant.accountId !== accountId) {
    grant = new provider.Grant({ accountId, clientId: params.client_id });
  }
  if (params.scope) grant.addOIDCScope(params.scope);
  let requestedClaims = params.claims;
  if (typeof requestedClaims === 'string') {
    try {
      requestedClaims = JSON.parse(requestedClaims);
    } catch {
      requestedClaims = undefined;
    }
  }
  for (const use of ['id_token', 'userinfo']) {
    if (requestedClaims?.[use]) grant.addOIDCClaims(Object.keys(requestedClaims[use]));
  }
  return grant.save();
}

// ---------------------------------------------------------------------------
// Lifetime

function shutdown() {
  server.close();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

// Only a pipe counts as a lifeline: a terminal or /dev/null (CI, background
// jobs) would otherwise end the process at once.
let stdinIsPipe = false;
try {
  stdinIsPipe = fstatSync(0).isFIFO();
} catch {
  stdinIsPipe = false;
}
if (stdinIsPipe) {
  process.stdin.on('end', shutdown);
  process.stdin.on('close', shutdown);
  process.stdin.on('error', shutdown);
  process.stdin.resume();
}
