/**
 * A Microsoft Entra ID stand-in over HTTPS (MSAL refuses plain http): the OpenID configuration of
 * `/<tenant>/v2.0/.well-known/openid-configuration`, and `/<tenant>/oauth2/v2.0/token` for client
 * credentials (a registered app and secret, scope `<env>/.default`), device code (answered
 * `authorization_pending` until the user "signs in" after a poll or two) and refresh tokens. Every
 * access token it gives is accepted by the Dataverse stand-in it serves.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Certificate } from './certificate';
import { closeServer, listenOnLoopback, readBody } from './http';
import type { DataverseStandIn } from './server';

export interface TokenStandInOptions {
  certificate: Certificate;
  dataverse: DataverseStandIn;
  /** Confidential clients: id → secret. */
  apps?: Record<string, string>;
  /** Polls answered `authorization_pending` before the device code is signed in. */
  pendingPolls?: number;
  /** Lifetime of access tokens given, in seconds. */
  expiresIn?: number;
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export class TokenStandIn {
  readonly tenantId = randomUUID();
  readonly userObjectId = randomUUID();
  readonly username = 'translator@contoso.example';
  /** Grant types asked for, in order. */
  readonly grants: string[] = [];
  private readonly deviceCodes = new Map<string, { clientId: string; scope: string; polls: number }>();
  private readonly refreshTokens = new Map<string, { clientId: string; scope: string }>();
  private server: Server | undefined;
  origin = '';

  constructor(private readonly o: TokenStandInOptions) {}

  async start(): Promise<this> {
    this.server = createServer(
      { cert: this.o.certificate.cert, key: this.o.certificate.key },
      (req, res) => void this.handle(req, res),
    );
    this.origin = `https://127.0.0.1:${await listenOnLoopback(this.server)}`;
    return this;
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  private accessToken(clientId: string): string {
    const token = `${b64url({ typ: 'JWT', alg: 'none' })}.${b64url({ aud: this.o.dataverse.url, appid: clientId, n: randomBytes(8).toString('hex') })}.sig`;
    this.o.dataverse.acceptToken(token);
    return token;
  }

  private userTokens(tenant: string, clientId: string, scope: string): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    const refresh = randomBytes(24).toString('base64url');
    this.refreshTokens.set(refresh, { clientId, scope });
    const idToken = `${b64url({ typ: 'JWT', alg: 'none' })}.${b64url({
      aud: clientId,
      iss: `${this.origin}/${this.tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      tid: this.tenantId,
      oid: this.userObjectId,
      sub: this.userObjectId,
      preferred_username: this.username,
      name: 'Stand-in Translator',
    })}.`;
    return {
      token_type: 'Bearer',
      scope: scope
        .split(' ')
        .filter((s) => !['openid', 'profile', 'offline_access'].includes(s))
        .join(' '),
      expires_in: this.o.expiresIn ?? 3599,
      ext_expires_in: this.o.expiresIn ?? 3599,
      access_token: this.accessToken(clientId),
      refresh_token: refresh,
      id_token: idToken,
      client_info: b64url({
        uid: this.userObjectId,
        utid: tenant === 'organizations' ? this.tenantId : this.tenantId,
      }),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const m =
      /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token|oauth2\/v2\.0\/devicecode)$/.exec(
        url.pathname,
      );
    if (m === null) {
      send(res, 404, { error: 'not_found', error_description: `no ${url.pathname}` });
      return;
    }
    const tenant = m[1]!;
    const base = `${this.origin}/${tenant}`;
    if (m[2]!.endsWith('openid-configuration')) {
      send(res, 200, {
        issuer: `${this.origin}/${tenant === 'organizations' ? '{tenantid}' : tenant}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic',
        ],
      });
      return;
    }
    if (req.method !== 'POST') {
      send(res, 405, { error: 'invalid_request' });
      return;
    }
    const form = new URLSearchParams((await readBody(req, 1024 * 1024)).toString('utf8'));
    const clientId = form.get('client_id') ?? '';
    const scope = form.get('scope') ?? '';
    if (m[2]!.endsWith('devicecode')) {
      const deviceCode = randomBytes(16).toString('hex');
      const userCode = randomBytes(4).toString('hex').toUpperCase();
      this.deviceCodes.set(deviceCode, { clientId, scope, polls: 0 });
      send(res, 200, {
        device_code: deviceCode,
        user_code: userCode,
        verification_uri: `${this.origin}/devicelogin`,
        expires_in: 900,
        interval: 1,
        message: `To sign in, open ${this.origin}/devicelogin and enter the code ${userCode} to authenticate.`,
      });
      return;
    }
    const grant = form.get('grant_type') ?? '';
    this.grants.push(grant);
    const dataverseScope = `${this.o.dataverse.url}/`;
    if (grant === 'client_credentials') {
      const secret = this.o.apps?.[clientId];
      if (secret === undefined || secret !== form.get('client_secret')) {
        send(res, 401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
        });
        return;
      }
      if (scope !== `${this.o.dataverse.url}/.default`) {
        send(res, 400, {
          error: 'invalid_scope',
          error_description: `AADSTS70011: The provided value for scope ${scope} is not valid.`,
        });
        return;
      }
      send(res, 200, {
        token_type: 'Bearer',
        expires_in: this.o.expiresIn ?? 3599,
        ext_expires_in: 3599,
        access_token: this.accessToken(clientId),
      });
      return;
    }
    // MSAL sends Microsoft's short form; RFC 8628 names the long one.
    if (grant === 'device_code' || grant === 'urn:ietf:params:oauth:grant-type:device_code') {
      const pending = this.deviceCodes.get(form.get('device_code') ?? '');
      if (pending === undefined) {
        send(res, 400, {
          error: 'expired_token',
          error_description: 'AADSTS70019: the device code expired.',
        });
        return;
      }
      if (pending.polls++ < (this.o.pendingPolls ?? 1)) {
        send(res, 400, {
          error: 'authorization_pending',
          error_description: 'AADSTS70016: the user has not signed in yet.',
        });
        return;
      }
      this.deviceCodes.delete(form.get('device_code') ?? '');
      if (!pending.scope.split(' ').some((s) => s.startsWith(dataverseScope))) {
        send(res, 400, { error: 'invalid_scope', error_description: `AADSTS70011: scope ${pending.scope}` });
        return;
      }
      send(res, 200, this.userTokens(tenant, pending.clientId, pending.scope));
      return;
    }
    if (grant === 'refresh_token') {
      const known = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (known === undefined || known.clientId !== clientId) {
        send(res, 400, {
          error: 'invalid_grant',
          error_description: 'AADSTS70000: the refresh token is not valid.',
        });
        return;
      }
      send(res, 200, this.userTokens(tenant, clientId, scope || known.scope));
      return;
    }
    send(res, 400, { error: 'unsupported_grant_type', error_description: `AADSTS70003: ${grant}` });
  }
}

export function startTokenServer(o: TokenStandInOptions): Promise<TokenStandIn> {
  return new TokenStandIn(o).start();
}
