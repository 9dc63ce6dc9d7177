// Unit tests for what the status bar item says.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusText } from '../../src/statusText';

test('indexing shows the server progress message', () => {
  const { text } = statusText({ kind: 'indexing', title: 'Indexing articles', message: '64/120 articles', percentage: 53 });
  assert.equal(text, '$(loading~spin) gloss: 64/120 articles');
});

test('indexing shows its title until the server reports a message', () => {
  const { text, tooltip } = statusText({ kind: 'indexing', title: 'Indexing articles', message: undefined, percentage: 0 });
  assert.equal(text, '$(loading~spin) gloss: indexing articles');
  assert.equal(tooltip, 'gloss: Indexing articles (0%)');
});

test('ready shows the number of findings', () => {
  assert.equal(statusText({ kind: 'ready', findings: 3, articles: 3 }).text, '$(warning) gloss: 3 findings');
  assert.equal(statusText({ kind: 'ready', findings: 1, articles: 1 }).text, '$(warning) gloss: 1 finding');
  assert.equal(statusText({ kind: 'ready', findings: 0, articles: 0 }).text, '$(check) gloss: no findings');
});
