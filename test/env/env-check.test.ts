/**
 * `crmkit env check`, `env login` and `env logout` against the Dataverse stand-in, signing in the
 * three ways: CRMKIT_TOKEN, client credentials and device code (msal-node itself against the
 * HTTPS token stand-in).
 */
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate, type Certificate } from '../support/dataverse/certificate';
import { startDataverse, type DataverseStandIn } from '../support/dataverse/server';
import { startTokenServer, type TokenStandIn } from '../support/dataverse/token-server';
import { buildCli, runCli, workspace, type Workspace } from './support';

let dv: DataverseStandIn;
let idp: TokenStandIn;
let cert: Certificate;
let ws: Workspace;

beforeAll(async () => {
  buildCli();
  cert = selfSignedCertificate();
  dv = await startDataverse({ solutions: [{ uniqueName: 'ContosoSales', translations: { labels: 30 } }] });
  idp = await startTokenServer({ certificate: cert, dataverse: dv, apps: { 'app-1': 's3cret-value' } });
  ws = workspace();
}, 60_000);

afterAll(async () => {
  await dv.close();
  await idp.close();
  ws.remove();
});

/** A loopback port nothing listens on (a server's, once closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const withToken = (): Record<string, string> => ({ ...ws.env, CRMKIT_TOKEN: dv.issueToken() });
const viaIdp = (extra: Record<string, string> = {}): Record<string, string> => ({
  ...ws.env,
  CRMKIT_AUTHORITY_HOST: idp.origin,
  NODE_EXTRA_CA_CERTS: cert.certFile,
  ...extra,
});

const clientCredentials = (secret: string): Record<string, string> =>
  viaIdp({ CRMKIT_CLIENT_ID: 'app-1', CRMKIT_CLIENT_SECRET: secret, CRMKIT_TENANT_ID: idp.tenantId });

describe('crmkit env check', () => {
  it('names the user, the organization, its version and languages, with CRMKIT_TOKEN', async () => {
    const r = await runCli(ws.dir, ['env', 'check', '--env', dv.url], withToken());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`user ${dv.userId}`);
    expect(r.out).toContain('Contoso (stand-in)');
    expect(r.out).toContain('version 9.2.25061.176');
    expect(r.out).toContain('Base language:  1033 English');
    expect(r.out).toContain('1026 Bulgarian, 1033 English, 1049 Russian, 1058 Ukrainian');
    expect(r.out).toContain('labels pull: ok');
  });

  it('prints the report as JSON with --json, the environment from CRMKIT_ENV', async () => {
    const r = await runCli(ws.dir, ['env', 'check', '--json'], { ...withToken(), CRMKIT_ENV: dv.url });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Record<string, unknown>;
    expect(report).toMatchObject({
      userId: dv.userId,
      baseLanguage: 1033,
      languages: [1026, 1033, 1049, 1058],
    });
  });

  it('names the privileges the user lacks, per command, and exits 1', async () => {
    const held = new Set(dv.privileges);
    dv.privileges.delete('prvWriteCustomization');
    dv.privileges.delete('prvCreateCustomization');
    try {
      const r = await runCli(ws.dir, ['env', 'check', '--env', dv.url], withToken());
      expect(r.code).toBe(1);
      expect(r.out).toContain('labels pull: ok');
      expect(r.out).toContain('labels push: missing prvWriteCustomization');
      expect(r.out).toContain('solution deploy: missing prvCreateCustomization, prvWriteCustomization');
    } finally {
      dv.privileges = held;
    }
  });

  it('is refused with exit 6 when the token is not valid, never printing it', async () => {
    const r = await runCli(ws.dir, ['env', 'check', '--env', dv.url], {
      ...ws.env,
      CRMKIT_TOKEN: 'not-a-valid-token',
    });
    expect(r.code).toBe(6);
    expect(r.err).toMatch(/^crmkit: .*refused the token \(401\)/);
    expect(r.err + r.out).not.toContain('not-a-valid-token');
  });

  it('waits out a 429 storm as Retry-After says, and says so', async () => {
    dv.throttleNext(2, 1);
    const r = await runCli(ws.dir, ['env', 'check', '--env', dv.url], withToken());
    expect(r.code).toBe(0);
    expect(r.err).toContain('throttled (HTTP 429): waiting 1 s as asked, then trying again (attempt 2 of 6)');
    expect(r.err).toContain('(attempt 3 of 6)');
  });

  it.each([
    ['http://contoso.crm4.dynamics.com', /https is required/],
    ['ftp://127.0.0.1', /ftp is not https/],
    ['not a url', /not an address/],
    ['https://contoso.crm4.dynamics.com/main.aspx', /without a path/],
  ])('refuses --env %s before connecting (exit 6)', async (url, message) => {
    const r = await runCli(ws.dir, ['env', 'check', '--env', url], withToken());
    expect(r.code).toBe(6);
    expect(r.err).toMatch(message);
  });

  it('says which host cannot be found, refused the connection, or is no Dynamics environment', async () => {
    const dns = await runCli(ws.dir, ['env', 'check', '--env', 'https://no-such-host.invalid'], withToken());
    expect(dns.err).toContain('cannot find the host no-such-host.invalid (DNS)');
    expect(dns.code).toBe(6);
    const port = await closedPort();
    const refused = await runCli(ws.dir, ['env', 'check', '--env', `http://127.0.0.1:${port}`], withToken());
    expect(refused.err).toContain(`127.0.0.1:${port} refused the connection`);
    const tls = await runCli(ws.dir, ['env', 'check', '--env', idp.origin], withToken());
    expect(tls.err).toMatch(/TLS certificate of 127\.0\.0\.1:\d+ is not trusted/);
    const notDynamics = await runCli(
      ws.dir,
      ['env', 'check', '--env', idp.origin],
      viaIdp({ CRMKIT_TOKEN: 'x' }),
    );
    expect(notDynamics.err).toContain('no Dataverse error: is it a Dynamics 365 environment?');
    expect(notDynamics.code).toBe(6);
  });
});

describe('signing in through msal-node against the HTTPS token stand-in', () => {
  it('uses client credentials with the scope <env>/.default', async () => {
    const r = await runCli(ws.dir, ['env', 'check', '--env', dv.url], clientCredentials('s3cret-value'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(idp.grants).toContain('client_credentials');
  });

  it('refuses a wrong secret with the sign-in service’s own error, never printing the secret', async () => {
    const r = await runCli(ws.dir, ['env', 'check', '--env', dv.url], clientCredentials('wrong-secret'));
    expect(r.code).toBe(6);
    expect(r.err).toContain('sign-in failed (client credentials of CRMKIT_CLIENT_ID app-1)');
    expect(r.err).toContain('invalid_client');
    expect(r.err).not.toContain('wrong-secret');
  });

  it('asks for the rest of the client credentials when only some are set', async () => {
    const r = await runCli(ws.dir, ['env', 'check', '--env', dv.url], {
      ...ws.env,
      CRMKIT_CLIENT_ID: 'app-1',
    });
    expect(r.code).toBe(6);
    expect(r.err).toContain('client credentials need CRMKIT_CLIENT_SECRET and CRMKIT_TENANT_ID too');
  });

  it('says how to sign in when nobody did', async () => {
    const r = await runCli(ws.dir, ['env', 'check', '--env', dv.url], viaIdp());
    expect(r.code).toBe(6);
    expect(r.err).toContain(`not signed in to ${dv.url}: run crmkit env login --env ${dv.url}`);
  });

  it('signs in with a device code, keeps the cache for the user alone, refreshes silently, and signs out', async () => {
    const login = await runCli(ws.dir, ['env', 'login', '--env', dv.url], viaIdp());
    expect(login.err).toMatch(
      /To sign in, open https:\/\/127\.0\.0\.1:\d+\/devicelogin and enter the code [0-9A-F]{8}/,
    );
    expect(login.out).toContain(`Signed in to ${dv.url} as ${idp.username}`);
    expect(login.code).toBe(0);
    const dir = path.join(ws.env.XDG_CONFIG_HOME!, 'crmkit');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of readdirSync(dir))
      expect(statSync(path.join(dir, file)).mode & 0o777, file).toBe(0o600);

    const check = await runCli(ws.dir, ['env', 'check', '--env', dv.url], viaIdp());
    expect(check.err).toBe('');
    expect(check.code).toBe(0);

    dv.expireTokens();
    const refreshed = await runCli(ws.dir, ['env', 'check', '--env', dv.url], viaIdp());
    expect(refreshed.code).toBe(0);
    expect(idp.grants.filter((g) => g === 'refresh_token').length).toBeGreaterThan(0);

    const logout = await runCli(ws.dir, ['env', 'logout'], viaIdp());
    expect(logout.out).toContain('Signed out');
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual([]);
    const after = await runCli(ws.dir, ['env', 'check', '--env', dv.url], viaIdp());
    expect(after.code).toBe(6);
    expect(after.err).toContain('not signed in');
  }, 60_000);
});
