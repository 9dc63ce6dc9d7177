// Unit tests for finding the server binary: the setting, then the bundled binary, then PATH.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiscoveryInput, findServer } from '../../src/serverDiscovery';

function input(executables: string[], overrides: Partial<DiscoveryInput> = {}): DiscoveryInput {
  return {
    configuredPath: undefined,
    workspaceFolder: '/corpus',
    extensionPath: '/ext',
    platform: 'linux',
    pathEnv: '/usr/local/bin:/usr/bin',
    homeDir: '/home/ana',
    isExecutableFile: (file) => executables.includes(file),
    ...overrides,
  };
}

test('the setting wins over the bundled binary and PATH', () => {
  const found = findServer(input(['/opt/gloss', '/ext/server/gloss', '/usr/bin/gloss'], { configuredPath: '/opt/gloss' }));
  assert.deepEqual(found, { found: true, command: '/opt/gloss', source: 'setting' });
});

test('a setting with ~ is read from the home folder, a relative one from the workspace folder', () => {
  assert.deepEqual(findServer(input(['/home/ana/bin/gloss'], { configuredPath: '~/bin/gloss' })), {
    found: true,
    command: '/home/ana/bin/gloss',
    source: 'setting',
  });
  assert.deepEqual(findServer(input(['/corpus/tools/gloss'], { configuredPath: 'tools/gloss' })), {
    found: true,
    command: '/corpus/tools/gloss',
    source: 'setting',
  });
});

test('a setting that names no executable is an error, not a silent fallback', () => {
  const found = findServer(input(['/usr/bin/gloss'], { configuredPath: '/missing/gloss' }));
  assert.equal(found.found, false);
  assert.match(found.found ? '' : found.message, /gloss\.server\.path is set to "\/missing\/gloss"/);
});

test('a blank setting counts as unset', () => {
  const found = findServer(input(['/ext/server/gloss'], { configuredPath: '  ' }));
  assert.deepEqual(found, { found: true, command: '/ext/server/gloss', source: 'bundled' });
});

test('the bundled binary comes before PATH', () => {
  const found = findServer(input(['/ext/server/gloss', '/usr/bin/gloss']));
  assert.deepEqual(found, { found: true, command: '/ext/server/gloss', source: 'bundled' });
});

test('PATH is searched in order, skipping empty entries', () => {
  const found = findServer(input(['/usr/bin/gloss', '/b/gloss'], { pathEnv: ':/a:/usr/bin:/b' }));
  assert.deepEqual(found, { found: true, command: '/usr/bin/gloss', source: 'path' });
});

test('on Windows the binary is gloss.exe and PATH is split on semicolons', () => {
  const found = findServer(
    input(['C:\\tools\\gloss.exe'], { platform: 'win32', pathEnv: 'C:\\Windows;C:\\tools', extensionPath: 'C:\\ext' }),
  );
  assert.deepEqual(found, { found: true, command: 'C:\\tools\\gloss.exe', source: 'path' });
});

test('no server anywhere gives a message that says how to fix it', () => {
  const found = findServer(input([]));
  assert.equal(found.found, false);
  assert.match(found.found ? '' : found.message, /not found.*cargo install --path \..*gloss\.server\.path/);
});
