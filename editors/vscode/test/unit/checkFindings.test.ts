// Unit tests for reading `gloss check --format json` and placing its code point offsets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notYetReported, parseFindings, positionAt } from '../../src/checkFindings';

const line =
  '{"doc":"./002.txt","start":0,"end":24,"line":1,"column":1,"code":"publication-date","severity":"info",' +
  '"message":"no publication date","related":[{"doc":"001.txt","start":3,"end":5,"line":1,"column":4,"message":"here"}]}';

test('findings are parsed and their paths resolved against the checked folder', () => {
  const { findings, unreadable } = parseFindings(`${line}\n\nnot json\n`, '/corpus');
  assert.deepEqual(unreadable, ['not json']);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].file, '/corpus/002.txt');
  assert.equal(findings[0].severity, 'info');
  assert.deepEqual(findings[0].related, [{ file: '/corpus/001.txt', start: 3, end: 5, message: 'here' }]);
});

test('code point offsets become UTF-16 columns', () => {
  // "€" is one UTF-16 unit, "𝄞" is two; both are one code point.
  const text = 'a€𝄞b\nsecond';
  assert.deepEqual(positionAt(text, 3), { line: 0, character: 4 });
  assert.deepEqual(positionAt(text, 4), { line: 0, character: 5 });
  assert.deepEqual(positionAt(text, 6), { line: 1, character: 1 });
});

test('lines end at \\n, \\r\\n and \\r', () => {
  const text = 'one\r\ntwo\rthree\nfour';
  assert.deepEqual(positionAt(text, 5), { line: 1, character: 0 });
  assert.deepEqual(positionAt(text, 9), { line: 2, character: 0 });
  assert.deepEqual(positionAt(text, 15), { line: 3, character: 0 });
  assert.deepEqual(positionAt(text, 100), { line: 3, character: 4 });
});

test('findings the server already shows are left out', () => {
  const { findings } = parseFindings(line, '/corpus');
  const reported = [{ line: 0, character: 0, code: 'publication-date', message: 'no publication date' }];
  assert.deepEqual(
    notYetReported(findings, () => ({ line: 0, character: 0 }), () => reported),
    [],
  );
  assert.equal(notYetReported(findings, () => ({ line: 0, character: 0 }), () => []).length, 1);
});
