// Drives the gloss extension in a real VS Code (code-server) through headless Chromium and checks
// what a user sees: the server starts, its findings reach the Problems panel and the status bar,
// and the commands work. Screenshots go to $GLOSS_TEST_OUT. Started by run.sh, which sets up
// code-server; exits non-zero with a message naming the check that failed.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';

const url = requireEnv('GLOSS_TEST_URL');
const corpus = requireEnv('GLOSS_TEST_CORPUS');
/** The same articles with no gloss.toml or entities.toml: gloss must wait to be enabled there. */
const plainFolder = requireEnv('GLOSS_TEST_PLAIN_FOLDER');
const out = requireEnv('GLOSS_TEST_OUT');
const glossBin = requireEnv('GLOSS_BIN');
const TIMEOUT = 60_000;

class CheckFailed extends Error {}

function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`ui.mjs: ${name} is not set (run test/run.sh)`);
    process.exit(2);
  }
  return value;
}

function check(condition, message) {
  if (!condition) {
    throw new CheckFailed(message);
  }
}

/** What the server says it can do, from its own initialize result, so checks follow the server. */
async function serverCapabilities() {
  const server = spawn(glossBin, ['lsp'], { cwd: corpus, stdio: ['pipe', 'pipe', 'ignore'] });
  const send = (message) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const result = await new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    server.on('error', reject);
    server.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === 1) resolve(message.result);
      }
    });
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  });
  send({ id: 2, method: 'shutdown' });
  send({ method: 'exit' });
  return result.capabilities;
}

/** Every finding `gloss check` reports on the corpus: what the editor should show. */
function expectedFindings() {
  const output = execFileSync(glossBin, ['check', '--format', 'json', corpus], { cwd: corpus }).toString();
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

async function shot(page, name) {
  const path = join(out, `${name}.png`);
  await page.screenshot({ path });
  console.log(`  screenshot ${path}`);
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.press('Enter');
}

async function openFile(page, name) {
  await runCommand(page, 'Go to File...');
  const input = page.locator('.quick-input-widget input');
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: TIMEOUT });
  await input.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: TIMEOUT });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: TIMEOUT });
}

/** The active tab and the cursor position the status bar shows, to see whether a jump happened. */
async function cursorPlace(page) {
  return page.evaluate(
    () =>
      `${document.querySelector('.tab.active')?.textContent} ${document.querySelector('.statusbar-item[id$="editor.selection"]')?.textContent}`,
  );
}

function findingsText(count) {
  return count === 0 ? 'gloss: no findings' : `gloss: ${count} finding${count === 1 ? '' : 's'}`;
}

/** Waits until the gloss status bar item says `text`; the caller checks what it says in the end. */
async function waitForStatus(page, text) {
  await page
    .waitForFunction(
      (wanted) => [...document.querySelectorAll('.statusbar-item')].some((element) => element.textContent.includes(wanted)),
      text,
      { timeout: TIMEOUT },
    )
    .catch(() => undefined);
}

/** The text of the output panel, with the editor's no-break spaces read as spaces. */
async function outputText(page) {
  const text = await page.locator('.part.panel .monaco-editor .view-lines').first().textContent();
  return (text ?? '').replace(/\u00a0/g, ' ');
}

/** Waits until the output panel shows `pattern` (a global regex) at least `count` times. */
async function waitForOutput(page, pattern, count) {
  await page
    .waitForFunction(
      ({ source, count }) => {
        const text = document.querySelector('.part.panel .monaco-editor .view-lines')?.textContent ?? '';
        return (text.replace(/\u00a0/g, ' ').match(new RegExp(source, 'g')) ?? []).length >= count;
      },
      { source: pattern.source, count },
      { timeout: TIMEOUT },
    )
    .catch(() => undefined);
}

function glossStatusItem(page) {
  return page.locator('.statusbar-item', { hasText: /gloss/ }).first();
}

/** Scrolls the active editor to the first occurrence of `text` with the editor's own Find. */
async function revealText(page, text) {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/** The on-screen centre of the first visible occurrence of `text` in the active editor. */
async function locateText(page, text) {
  return page.evaluate((wanted) => {
    const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
    const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // The editor draws spaces as no-break spaces.
      const at = node.data.replace(/\u00a0/g, ' ').indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rect = range.getBoundingClientRect();
      if (rect.width > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight) {
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, color: getComputedStyle(node.parentElement).color };
      }
    }
    return null;
  }, text);
}

/** Hovers `text` in the active editor and returns what the hover shows, with a screenshot. */
async function hoverText(page, text, screenshotName) {
  await revealText(page, text);
  const place = await locateText(page, text);
  check(place !== null, `"${text}" is not visible in the editor`);
  // The editor shows a hover when the mouse comes onto the text; a move it does not notice (the
  // editor still closing its find widget) shows none, so each try comes onto the text afresh.
  const hover = page.locator('.monaco-hover:visible').first();
  for (const dx of [0, 3, -3]) {
    await page.mouse.move(place.x + dx, place.y - 40, { steps: 2 });
    await page.mouse.move(place.x + dx, place.y, { steps: 4 });
    await hover.waitFor({ state: 'visible', timeout: 4_000 }).catch(() => undefined);
    if (await hover.isVisible()) {
      break;
    }
  }
  if (!(await hover.isVisible())) {
    // What lies under the mouse tells why the editor saw no mouse on the text.
    const under = await page.evaluate(({ x, y }) => {
      const element = document.elementFromPoint(x, y);
      return element ? `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}` : 'nothing';
    }, place);
    console.log(`  no hover came from the mouse on "${text}" (under the mouse: ${under}); asking from the keyboard`);
    // As a user would from the keyboard: the cursor onto the found text, then "Show Hover".
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await hover.waitFor({ state: 'visible', timeout: 4_000 }).catch(() => undefined);
  }
  const content = (await hover.isVisible()) ? await hover.innerText() : '';
  await shot(page, screenshotName);
  await page.mouse.move(0, 0);
  return content;
}

async function main() {
  mkdirSync(out, { recursive: true });
  const capabilities = await serverCapabilities();
  const expected = expectedFindings();
  console.log(`server capabilities: ${Object.keys(capabilities).sort().join(', ')}`);
  console.log(`gloss check finds ${expected.length} findings in the corpus`);

  const browser = await chromium.launch({
    executablePath: process.env.GLOSS_TEST_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results = [];
  const step = async (name, body) => {
    const started = Date.now();
    try {
      await body();
      results.push({ name, ok: true });
      console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return true;
    } catch (error) {
      results.push({ name, ok: false });
      console.log(`FAIL ${name}: ${error instanceof CheckFailed ? error.message : error.stack}`);
      await shot(page, `failed-${name.replace(/\W+/g, '-')}`).catch(() => undefined);
      return false;
    }
  };
  const skip = (name, reason) => {
    results.push({ name, ok: true, skipped: true });
    console.log(`skip ${name}: ${reason}`);
  };
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // Indexing the seeds takes a moment only, so every text the status bar shows is recorded.
  await page.addInitScript(() => {
    window.glossStatusHistory = [];
    new MutationObserver(() => {
      const item = [...document.querySelectorAll('.statusbar-item')].find((element) => element.textContent.includes('gloss'));
      const text = item?.textContent.trim();
      if (text && text !== window.glossStatusHistory.at(-1)) {
        window.glossStatusHistory.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  try {
    await page.goto(`${url}/?folder=${encodeURIComponent(corpus)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });

    const serverStarted = await step('the extension activates and the server starts', async () => {
      await glossStatusItem(page).waitFor({ state: 'visible', timeout: TIMEOUT });
      await runCommand(page, 'gloss: Show the output log');
      await waitForOutput(page, /gloss server .*ready/g, 1);
      const text = await outputText(page);
      await shot(page, 'output-log');
      check(/Starting .*gloss lsp/.test(text), `the gloss output log does not show the server starting:\n${text}`);
      check(/gloss server .*ready/.test(text), `the gloss output log does not show the server ready:\n${text}`);
    });
    if (!serverStarted) {
      throw new CheckFailed('the other checks need a running server');
    }

    await step('the status bar shows the number of findings', async () => {
      const wanted = findingsText(expected.length);
      const item = glossStatusItem(page);
      await waitForStatus(page, wanted);
      const text = (await item.textContent()) ?? '';
      await shot(page, 'status-bar');
      const box = await item.boundingBox();
      if (box) {
        await page.screenshot({ path: join(out, 'status-bar-item.png'), clip: { x: 0, y: box.y - 4, width: Math.min(1440, box.x + box.width + 200), height: box.height + 8 } });
      }
      check(text.includes(wanted), `the status bar says "${text.trim()}", expected "${wanted}"`);
      const history = await page.evaluate(() => window.glossStatusHistory);
      console.log(`  the status bar said: ${history.join(' → ')}`);
      check(
        history.some((said) => /gloss: (indexing|\d+\/\d+ articles)/.test(said)),
        `the status bar never showed the indexing progress; it said ${history.join(' → ')}`,
      );
    });

    await step('the findings appear in the Problems panel', async () => {
      // The status bar item's command opens the Problems panel.
      await glossStatusItem(page).click();
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible', timeout: TIMEOUT });
      const missing = () =>
        panel.innerText().then((text) =>
          expected.filter((finding) => !text.includes(basename(finding.doc)) || !text.includes(finding.message.slice(0, 40))),
        );
      const deadline = Date.now() + TIMEOUT;
      while ((await missing()).length > 0 && Date.now() < deadline) {
        await page.waitForTimeout(500);
      }
      await shot(page, 'problems-panel');
      const absent = await missing();
      check(
        absent.length === 0,
        `the Problems panel lacks ${absent.map((finding) => `${basename(finding.doc)}: ${finding.message}`).join('; ')}`,
      );
      check(
        expected.some((finding) => finding.code === 'share' && basename(finding.doc).startsWith('002')),
        'expected the share warning on "more than a third (31.7%)" in the 2018 article (002) among the findings',
      );
    });

    await step('"gloss: Check the workspace" runs gloss check', async () => {
      await runCommand(page, 'gloss: Check the workspace');
      const toast = page.locator('.notification-toast', { hasText: 'gloss check:' }).first();
      await toast.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = await toast.innerText();
      await shot(page, 'check-workspace');
      check(text.includes(`gloss check: ${expected.length} finding`), `the check command says "${text}"`);
    });

    // The 2018 article: its share warning, a person named in other seeds, and a figure.
    const article = expected.find((finding) => finding.code === 'share');
    await step('an article opens in the editor', async () => {
      check(article !== undefined, 'gloss check reports no share warning, so no article to open');
      await openFile(page, basename(article.doc));
      await shot(page, 'article');
    });

    await step('a hover on a finding shows its message', async () => {
      const text = await hoverText(page, '31.7%', 'hover-finding');
      check(text.includes('less than a third'), `the hover over "31.7%" says "${text}"`);
    });

    if (capabilities.hoverProvider) {
      await step('a hover on an entity shows its cross-references', async () => {
        const text = await hoverText(page, 'Putin', 'hover-entity');
        check(text.includes('Vladimir Putin'), `the hover over "Putin" does not name him: "${text}"`);
        check(/mentions? in [2-9] articles/.test(text), `the hover over "Putin" lists no other articles: "${text}"`);
      });
      await step('a hover on a figure shows its value', async () => {
        const text = await hoverText(page, '$32.42 billion', 'hover-figure');
        check(text.includes('32,420,000,000 USD'), `the hover over "$32.42 billion" does not spell out its value: "${text}"`);
      });
    } else {
      skip('hovers on an entity and a figure', 'the server does not advertise hoverProvider yet');
    }

    if (capabilities.semanticTokensProvider) {
      await step('entities and figures are coloured', async () => {
        await revealText(page, 'Putin');
        const plain = await locateText(page, 'the');
        const entity = await locateText(page, 'Putin');
        await shot(page, 'semantic-tokens');
        check(entity !== null && plain !== null && entity.color !== plain.color, '"Putin" has the colour of plain text');
      });
    } else {
      skip('entities and figures are coloured', 'the server does not advertise semanticTokensProvider yet');
    }

    await step('"gloss: Show the entity under the cursor" follows the server', async () => {
      await revealText(page, 'Putin');
      const before = await cursorPlace(page);
      await runCommand(page, 'gloss: Show the entity under the cursor in the knowledge base');
      if (capabilities.definitionProvider) {
        const deadline = Date.now() + 15_000;
        while ((await cursorPlace(page)) === before && Date.now() < deadline) {
          await page.waitForTimeout(250);
        }
        await shot(page, 'show-entity');
        check((await cursorPlace(page)) !== before, `the command did not move from "Putin" (${before})`);
      } else {
        const toast = page.locator('.notification-toast', { hasText: 'not available yet' }).first();
        await toast.waitFor({ state: 'visible', timeout: TIMEOUT });
        await shot(page, 'show-entity');
      }
    });

    await step('"gloss: Restart the server" brings the server back', async () => {
      await runCommand(page, 'gloss: Restart the server');
      await runCommand(page, 'gloss: Show the output log');
      // The log view keeps only the lines on screen: look for the stop followed by a new start.
      const restarted = /Server process exited[\s\S]*gloss server [\s\S]*?ready/g;
      await waitForOutput(page, restarted, 1);
      check(restarted.test(await outputText(page)), 'the output log does not show the server stopped and ready again');
      await waitForStatus(page, findingsText(expected.length));
      await shot(page, 'after-restart');
      const text = await glossStatusItem(page).innerText();
      check(text.includes(findingsText(expected.length)), `after a restart the status bar says "${text.trim()}"`);
    });

    await step('gloss stays off in a folder without gloss.toml until enabled', async () => {
      await page.goto(`${url}/?folder=${encodeURIComponent(plainFolder)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
      await openFile(page, basename(article.doc));
      await runCommand(page, 'gloss: Show the output log');
      await waitForOutput(page, /stays off/g, 1);
      await shot(page, 'plain-folder-off');
      check(/stays off/.test(await outputText(page)), 'the output log does not say why gloss stays off');
      check(!(await glossStatusItem(page).isVisible()), 'the gloss status bar item shows in a folder without gloss.toml');
      await runCommand(page, 'gloss: Enable for this workspace');
      await waitForStatus(page, findingsText(expected.length));
      await shot(page, 'plain-folder-enabled');
      const text = await glossStatusItem(page).innerText();
      check(text.includes(findingsText(expected.length)), `after enabling, the status bar says "${text.trim()}"`);
    });
  } catch (error) {
    if (!(error instanceof CheckFailed)) {
      throw error;
    }
    console.log(`stop ${error.message}`);
  } finally {
    await browser.close();
  }

  const failed = results.filter((result) => !result.ok);
  const skipped = results.filter((result) => result.skipped);
  console.log(`${results.length - failed.length - skipped.length} passed, ${failed.length} failed, ${skipped.length} skipped`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`ui.mjs: ${error.stack ?? error}`);
  process.exit(1);
});
