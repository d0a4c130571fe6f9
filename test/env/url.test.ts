/** The environment address, the time limits and the config folder, as tables. */
import { describe, expect, it } from 'vitest';
import { configDir } from '../../src/env/auth/config-dir';
import { authOptions } from '../../src/env/auth/msal-config';
import { formatDuration, parseTimeout } from '../../src/env/deadline';
import { isLoopback, parseEnvUrl } from '../../src/env/url';

describe('an environment address', () => {
  it.each([
    ['https://contoso.crm4.dynamics.com', 'https://contoso.crm4.dynamics.com'],
    ['https://contoso.crm4.dynamics.com/', 'https://contoso.crm4.dynamics.com'],
    ['https://contoso.crm4.dynamics.com/api/data/v9.2/', 'https://contoso.crm4.dynamics.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.3.4.5', 'http://127.3.4.5'],
    ['http://localhost:5555', 'http://localhost:5555'],
    ['http://[::1]:5555', 'http://[::1]:5555'],
  ])('accepts %s', (typed, origin) => {
    expect(parseEnvUrl(typed)).toEqual({ origin, apiBase: `${origin}/api/data/v9.2/`, typed });
  });

  it.each([
    ['http://contoso.crm4.dynamics.com', 'https is required'],
    ['http://128.0.0.1', 'https is required'],
    ['http://localhost.evil.example', 'https is required'],
    ['https://user:pw@contoso.crm4.dynamics.com', 'user name or password'],
    ['https://contoso.crm4.dynamics.com/?x=1', 'without ? or #'],
    ['contoso.crm4.dynamics.com', 'not an address'],
  ])('refuses %s (exit 6)', (typed, message) => {
    expect(() => parseEnvUrl(typed)).toThrow(message);
    expect(() => parseEnvUrl(typed)).toThrow(expect.objectContaining({ code: 'ENV_URL', exitCode: 6 }));
  });

  it.each([
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['[::1]', true],
    ['LOCALHOST', true],
    ['10.0.0.1', false],
    ['127.0.0.1.nip.io', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });
});

describe('time limits', () => {
  it.each([
    ['30m', 1_800_000],
    ['90s', 90_000],
    ['2h', 7_200_000],
    ['1500ms', 1500],
    ['45', 2_700_000],
  ])('--timeout %s is %d ms', (typed, ms) => {
    expect(parseTimeout(typed)).toBe(ms);
  });

  it.each(['0', 'soon', '-5m'])('--timeout %s is a usage error', (typed) => {
    expect(() => parseTimeout(typed)).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it.each([
    [1000, '1 s'],
    [60_000, '1 min'],
    [95_000, '1 min 35 s'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('where the sign-in is kept', () => {
  it.each([
    [{ XDG_CONFIG_HOME: '/x/cfg', HOME: '/home/a' }, 'linux', '/x/cfg/crmkit'],
    [{ HOME: '/home/a' }, 'linux', '/home/a/.config/crmkit'],
    [{ HOME: '/Users/a' }, 'darwin', '/Users/a/Library/Application Support/crmkit'],
    [{ HOME: '/h', APPDATA: '/h/AppData/Roaming' }, 'win32', '/h/AppData/Roaming/crmkit'],
  ] as const)('%j on %s: %s', (env, platform, dir) => {
    expect(configDir(env, platform)).toBe(dir);
  });

  it('names a host of its own as a known authority, so MSAL skips Microsoft’s instance discovery', () => {
    expect(authOptions({}, 'c', 'organizations')).toEqual({
      clientId: 'c',
      authority: 'https://login.microsoftonline.com/organizations',
    });
    expect(authOptions({ CRMKIT_AUTHORITY_HOST: 'https://127.0.0.1:4443' }, 'c', 't')).toEqual({
      clientId: 'c',
      authority: 'https://127.0.0.1:4443/t',
      knownAuthorities: ['127.0.0.1:4443'],
    });
    expect(() => authOptions({ CRMKIT_AUTHORITY_HOST: 'http://127.0.0.1:4443' }, 'c', 't')).toThrow(
      'must be https',
    );
  });
});
