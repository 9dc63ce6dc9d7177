// Unit tests for the settings sent to the server as initialization options.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initializationOptions } from '../../src/initializationOptions';

test('check levels and inlay hints become initialization options', () => {
  const { options, problems } = initializationOptions({
    checks: { share: 'error', 'publication-date': 'off' },
    inlayHints: false,
  });
  assert.deepEqual(options, { checks: { share: 'error', 'publication-date': 'off' }, inlayHints: { enabled: false } });
  assert.deepEqual(problems, []);
});

test('no settings give empty checks, so the server keeps its own defaults', () => {
  assert.deepEqual(initializationOptions({ checks: {}, inlayHints: true }).options, {
    checks: {},
    inlayHints: { enabled: true },
  });
});

test('a level that is not a level is left out and explained', () => {
  const { options, problems } = initializationOptions({
    checks: { share: 'loud', weekday: 'warning', sum: 3 },
    inlayHints: true,
  });
  assert.deepEqual(options.checks, { weekday: 'warning' });
  assert.equal(problems.length, 2);
  assert.match(problems[0], /"share" is set to "loud"; expected one of off, hint, info, warning, error/);
});
