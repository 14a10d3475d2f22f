// Browser-level check: headless Chromium (playwright-core) against code-server running the
// extension installed from the packaged .vsix. Opens the strategy through Quick Open, waits
// for the squiggle, hovers the class name and reads the hover (each diagnostic once, rule lines
// with their links, not scrolled), opens the Problems panel (one row per finding, none for the
// closed result file), reads the language status item, and opens the extension's details page
// (the icon loads from the package; the user readme shows, nothing fetched from the web). Screenshots: $SHOT_DIR/vscode-hover.png,
// $SHOT_DIR/vscode-problems.png, $SHOT_DIR/vscode-details.png (on failure:
// $FAIL_SHOT_DIR/vscode-fail.png).
//
// usage: node browser.js <base-url> <workspace-dir>
// Retries only the editor start-up (workbench load), never an assertion.
'use strict';
const path = require('path');
const { launch, logger } = require('./chromium');

const [base, workspace] = process.argv.slice(2);
if (!base || !workspace) {
  console.error('usage: node browser.js <base-url> <workspace-dir>');
  process.exit(2);
}
const SHOT_DIR = process.env.SHOT_DIR || path.resolve(__dirname, '../../artifacts/tmp');
const FAIL_SHOT_DIR = process.env.FAIL_SHOT_DIR || SHOT_DIR;
const FILE = 'BandRiderStrategy.py';
const WORD = 'BandRiderStrategy';
const RULE = 'too-many-parameters';
const log = logger();

function check(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
  log(`ok ${msg}`);
}

// Screen rectangle of `word` on the first editor line that contains `lineText`. Monaco merges
// same-coloured tokens into one span, so locate the word with a DOM Range over the text node.
function wordBox(page, lineText, word) {
  return page.evaluate(
    ([lineText, word]) => {
      for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
        if (!line.textContent.replace(/\u00a0/g, ' ').includes(lineText)) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n; (n = walker.nextNode()); ) {
          const i = n.textContent.replace(/\u00a0/g, ' ').search(new RegExp(`\\b${word}\\b`));
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + word.length);
          const b = r.getBoundingClientRect();
          return { x: b.x, y: b.y, width: b.width, height: b.height };
        }
      }
      return null;
    },
    [lineText, word],
  );
}

async function openWorkbench(browser) {
  const url = `${base.replace(/\/$/, '')}/?folder=${encodeURIComponent(workspace)}`;
  for (let attempt = 1; ; attempt++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(url, { timeout: 60000 });
      await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: 30000 });
      log(`workbench loaded (attempt ${attempt})`);
      return page;
    } catch (e) {
      log(`workbench start-up failed (attempt ${attempt}): ${e.message.split('\n')[0]}`);
      await page.close().catch(() => {});
      if (attempt >= 2) throw e;
    }
  }
}

(async () => {
  const browser = await launch();
  let page;
  let ok = false;
  try {
    page = await openWorkbench(browser);
    page.on('pageerror', (e) => log('page error:', e.message.slice(0, 200)));

    // Quick Open the strategy. The quick-open file index may need a moment after start-up,
    // so wait for the matching row instead of a fixed sleep.
    await page.keyboard.press('Control+p');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
    await page.keyboard.type(FILE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor({ timeout: 60000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ').includes('class BandRiderStrategy')),
      null,
      { timeout: 30000 },
    );
    log(`${FILE} open in the editor`);

    await page.waitForSelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info', { timeout: 60000 });
    log('squiggle shown');

    // The results CodeLens lands above the class and moves it down a line: wait for it first.
    await page.locator('.monaco-editor .codelens-decoration', { hasText: 'Strategy Lint:' }).first().waitFor({ state: 'visible', timeout: 60000 });
    log('results CodeLens shown');
    // Hover the class name (the diagnostic's range). Move in steps: Monaco's hover is mousemove-driven.
    const box = await wordBox(page, 'class BandRiderStrategy', WORD);
    check(!!box, `found "${WORD}" on the class line`);
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    const hover = page.locator('.monaco-hover', { hasText: RULE }).first();
    await hover.waitFor({ state: 'visible', timeout: 20000 });
    // Every diagnostic on the class name (the results attach too) before reading the hover.
    await page.waitForFunction(() => {
      const h = [...document.querySelectorAll('.monaco-hover')].find((e) => e.innerText.includes('too-many-parameters'));
      return h && /deflated-sharpe/.test(h.innerText);
    }, null, { timeout: 30000 }).catch(() => log('note: the deflated-sharpe line did not show up in the hover'));
    const hoverText = await hover.innerText();
    log(`HOVER TEXT (${hoverText.length} characters):`, JSON.stringify(hoverText));
    // Scrolled past its start, the hover's first row would sit above the hover's top edge.
    const scrolled = await hover.evaluate((h) => {
      const first = h.querySelector('.hover-row, .hover-contents');
      return first ? Math.round(h.getBoundingClientRect().top - first.getBoundingClientRect().top) : 0;
    });
    await page.screenshot({ path: path.join(SHOT_DIR, 'vscode-hover-class.png') });
    check(hoverText.includes(RULE) && hoverText.includes('SL101'), `hover names the rule ${RULE} (SL101)`);
    check((hoverText.match(/tunes \d+ parameters/g) || []).length === 1, 'the diagnostic message appears once in the hover');
    check(/More tuned parameters than the data can support\./.test(hoverText), 'the rule line carries its one-line summary');
    check(/\bdocs\b/.test(hoverText) && /\bignore\b/.test(hoverText) && /Show documentation/.test(hoverText), 'docs, ignore and Show documentation links');
    check(!/Why it matters/.test(hoverText), 'the full rule page is behind Show documentation');
    check(hoverText.length < 4000, `hover text is short (${hoverText.length} characters)`);
    check(scrolled <= 1, `hover opens at its top (first row ${scrolled}px above the edge)`);

    // One finding, whole on screen (the README's screenshot): the warm-up on line 30.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    const warmup = await wordBox(page, 'startup_candle_count = 30', '30');
    check(!!warmup, 'found the warm-up value on line 30');
    await page.mouse.move(warmup.x + 1, warmup.y + warmup.height / 2);
    await page.mouse.move(warmup.x + warmup.width / 2, warmup.y + warmup.height / 2, { steps: 8 });
    const warmupHover = page.locator('.monaco-hover', { hasText: 'insufficient-warmup' }).first();
    await warmupHover.waitFor({ state: 'visible', timeout: 20000 });
    const warmupText = await warmupHover.innerText();
    log('WARM-UP HOVER:', JSON.stringify(warmupText));
    await page.screenshot({ path: path.join(SHOT_DIR, 'vscode-hover.png') });
    check(/insufficient-warmup \(SL303\): .+ docs · ignore/.test(warmupText) && /Show documentation/.test(warmupText), 'the warm-up hover: its message, then the rule line with its links');

    // Problems panel.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+m');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'tunes' }).first();
    await row.waitFor({ state: 'visible', timeout: 20000 });
    const rowText = await row.innerText();
    const panelText = await page.locator('.markers-panel').innerText();
    log('PROBLEMS ROW:', JSON.stringify(rowText));
    log('PROBLEMS PANEL:', JSON.stringify(panelText.slice(0, 600)));
    await row.click(); // select the row so the screenshot shows it highlighted
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOT_DIR, 'vscode-problems.png') });
    check(rowText.includes(`[${RULE}]`), `Problems row names the rule [${RULE}]`);
    check(/strategy-lint/.test(rowText), 'Problems row shows source strategy-lint');
    check(/SL101/.test(rowText), 'Problems row shows code SL101');
    check(/Ln 18, Col 7/.test(rowText), 'Problems row points at Ln 18, Col 7 (the class name)');
    check(panelText.includes(FILE), `Problems panel lists ${FILE}`);
    // (The strategy's entries list the result file as a related location, "file(1, 1): ...".)
    const fileRows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((r) => r.split('\n')[0].trim());
    // A file's group row reads "<name><folder>"; a related location row, "<name>" then "(1, 1): ...".
    check(!fileRows.some((r) => /^backtest-result[\w.-]*\.json\s*user_data/.test(r)), `no Problems entries for the closed result file (rows: ${JSON.stringify(fileRows.filter((r) => !/[:\[]/.test(r)))})`);
    check(!/Col \d{4,}/.test(panelText), 'no Problems entry at a column past 999');
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    const findings = rows.filter((r) => /strategy-lint/.test(r));
    check(new Set(findings).size === findings.length, `one row per finding (${findings.length} rows, none repeated)`);

    // The result file: its findings show in it only while it is open, at Ln 1 with the key path.
    const RESULT = 'backtest-result-2024-01-08_09-12-44.json';
    const runCommand = async (title) => {
      await page.keyboard.press('Control+Shift+p');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
      await page.keyboard.type(title);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
    };
    await page.keyboard.press('Control+p');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
    await page.keyboard.type(RESULT);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: RESULT, hasNotText: 'meta' }).first().click({ timeout: 60000 });
    const resultRow = page.locator('.markers-panel .monaco-list-row', { hasText: '(at key strategy/BandRiderStrategy/' }).first();
    await resultRow.waitFor({ state: 'visible', timeout: 60000 });
    const openPanel = await page.locator('.markers-panel').innerText();
    log('PROBLEMS WITH THE RESULT FILE OPEN:', JSON.stringify(openPanel.slice(0, 1500)));
    const resultRows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).filter((r) => /\(at key strategy\//.test(r));
    check(resultRows.length > 0 && resultRows.every((r) => /Ln 1, Col 1\b/.test(r)), `result-file entries at Ln 1, Col 1 with the key path (${resultRows.length})`);
    // Close its tab as a user would (a middle click on the tab).
    await page.locator('.tabs-container .tab', { hasText: RESULT }).first().click({ button: 'middle', timeout: 15000 });
    await page.waitForFunction(() => ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) => r.innerText.includes('(at key strategy/')), null, { timeout: 60000 });
    const afterClose = await page.locator('.markers-panel').innerText();
    check(/tunes \d+ parameters/.test(afterClose), 'closing the result file takes its entries out of the Problems panel; the strategy keeps its own');

    // The language status item: the server's state and the files it linted.
    await page.keyboard.press('Escape');
    const languageStatus = page.locator('[id="status.languageStatus"]').first();
    await languageStatus.waitFor({ state: 'visible', timeout: 20000 });
    await languageStatus.hover();
    const statusHover = page.locator('.monaco-hover', { hasText: 'Strategy Lint' }).first();
    await statusHover.waitFor({ state: 'visible', timeout: 20000 });
    const statusText = await statusHover.innerText();
    log('LANGUAGE STATUS:', JSON.stringify(statusText));
    check(/Strategy Lint: 1 file linted/.test(statusText), 'language status says "Strategy Lint: 1 file linted"');
    await page.mouse.move(5, 5);

    // The extension's details page: its icon and the README images, loaded from the package.
    await runCommand('Extensions: Show Installed Extensions');
    const extensionRow = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Strategy Lint' }).first();
    await extensionRow.waitFor({ state: 'visible', timeout: 30000 });
    await extensionRow.click();
    const details = page.locator('.extension-editor').first();
    await details.waitFor({ state: 'visible', timeout: 30000 });
    const icon = await page.waitForFunction(() => {
      const img = document.querySelector('.extension-editor .header .icon');
      return img && img.complete && img.naturalWidth > 0 ? { src: img.src, width: img.naturalWidth } : null;
    }, null, { timeout: 30000 }).then((h) => h.jsonValue(), () => null);
    check(!!icon && icon.width === 128, `details page icon loads (${JSON.stringify(icon)})`);
    let readme = null;
    for (let i = 0; i < 60 && !readme; i++) {
      for (const frame of page.frames()) {
        const found = await frame.evaluate(() => {
          if (!document.body || !document.body.innerText.includes('Getting started')) return null;
          const imgs = [...document.querySelectorAll('img')];
          if (!imgs.every((img) => img.complete)) return null;
          return { text: document.body.innerText.slice(0, 200), images: imgs.map((img) => ({ src: img.src.slice(0, 120), width: img.naturalWidth })) };
        }).catch(() => null);
        if (found) readme = found;
      }
      if (!readme) await page.waitForTimeout(500);
    }
    log('DETAILS README:', JSON.stringify(readme));
    await page.screenshot({ path: path.join(SHOT_DIR, 'vscode-details.png') });
    check(!!readme, 'the details page shows the user readme ("Getting started")');
    // VS Code's extension editor keeps only http(s) images (its sanitizer allows no relative or
    // data: image in a readme), so the package's own images cannot show on this page in this
    // VS Code; what is checked is that nothing is fetched from the web for them.
    check(readme.images.length >= 2 && readme.images.every((img) => !/^https?:\/\/(?!127\.0\.0\.1)/.test(img.src)), `no README image is fetched from the web (${JSON.stringify(readme.images)})`);
    check(!/npm test/.test(readme.text), 'not the developer README');
    ok = true;
  } catch (e) {
    log('ERROR', e.message);
    if (page) await page.screenshot({ path: path.join(FAIL_SHOT_DIR, 'vscode-fail.png') }).catch(() => {});
  } finally {
    await browser.close().catch(() => {});
  }
  log(ok ? 'PASS' : 'FAIL');
  process.exit(ok ? 0 : 1);
})();
