import { tmpdir } from 'node:os';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeedback } from '../../src/feedback/feedback-store.js';
import { createRuntime } from '../../src/runtime.js';
import { startLocalPage, type LocalPage } from '../../src/web/start-local-page.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Debian's Chromium (`apt-get install chromium`); npm's own browser downloads do not work here. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The test always saves a screenshot; UPDATE_SCREENSHOT=1 writes the README's copy in docs/.
const SCREENSHOT = process.env.UPDATE_SCREENSHOT
  ? fileURLToPath(new URL('../../docs/local-page.png', import.meta.url))
  : join(tmpdir(), `committee-assistant-local-page-${process.pid}.png`);
/** A development-set question, and what its answer and citation say. */
const QUESTION = 'How long do we have to keep RIPA authorisation records?';
const WAIT_MS = 20_000;

describe('the local chat page in headless Chromium', () => {
  const dir = tempDir('local-page-browser-');
  const feedbackFile = join(dir, 'feedback.jsonl');
  let server: LocalPage | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    // Without Chromium the test below fails with its message; it is never skipped.
    if (!existsSync(CHROMIUM)) return;
    cpSync(fileURLToPath(new URL('../../corpus', import.meta.url)), join(dir, 'corpus'), { recursive: true });
    const rt = await createRuntime({ corpusDir: join(dir, 'corpus'), indexDir: join(dir, 'index'), env: { LOG_LEVEL: 'silent', FEEDBACK_FILE: feedbackFile } });
    server = await startLocalPage({ config: rt.config, assistant: await rt.assistant(), logger: rt.logger, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    page = await browser.newPage({ viewport: { width: 1000, height: 720 } });
    page.setDefaultTimeout(WAIT_MS);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('answers a question with citations, shows a source, records feedback and runs /deadline, by keyboard and mouse', async () => {
    expect(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM}; install it with \`apt-get install -y chromium\` (.ci/run does this in CI).`).toBe(true);
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(String(error)));
    page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(server!.url)) failures.push(`external request: ${request.url()}`);
    });
    await page.goto(server!.url);
    await page.locator('body[data-connected="true"]').waitFor();
    const log = page.getByRole('log');
    expect(await log.getAttribute('aria-live')).toBe('polite');

    // Keyboard only: the labelled message box, typed into, sent with Enter.
    const box = page.getByLabel('Message Committee Assistant');
    await box.focus();
    await page.keyboard.type(QUESTION);
    await page.keyboard.press('Enter');
    const answer = page.locator('.msg.from-bot').filter({ hasText: '3 years' });
    await answer.waitFor();
    expect(await answer.locator('.bk-section').first().innerText()).toContain('3 years');
    await answer.locator('.bk-context', { hasText: 'Governance and Audit Committee' }).first().waitFor();
    expect(await answer.locator('.bk-context').first().innerText()).toMatch(/\[1\] Kent CC · Governance and Audit Committee · 25 Oct 2023/);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // "Show source" opens the passage in a modal dialog; Escape closes it and focus goes back.
    const showSource = answer.getByRole('button', { name: /Show source/ });
    await showSource.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading', { level: 2 }).innerText()).toBe('Source [1]');
    expect(await dialog.innerText()).toContain('All records shall be kept for at least 3 years');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(String(await page.evaluate('document.activeElement?.textContent'))).toContain('Show source');

    // 👍 is recorded in the feedback file and thanked privately.
    await answer.getByRole('button', { name: '👍 Helpful', exact: true }).click();
    await page.locator('.msg.ephemeral', { hasText: 'Thank you: your feedback has been recorded.' }).waitFor();
    expect(await page.locator('.msg.ephemeral .ephemeral-note').first().innerText()).toContain('Only visible to you');
    const records = await readFeedback(feedbackFile);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ event: 'rating', rating: 'up', question: QUESTION, userId: 'U0LOCAL' });

    // A slash command, typed like any message.
    await box.focus();
    await page.keyboard.type('/deadline foi 21/12/2026');
    await page.keyboard.press('Enter');
    await page.locator('.msg.from-bot', { hasText: '22 Jan 2027' }).waitFor();
    expect(failures).toEqual([]);
  }, 60_000);

  it('opens /ripa as a form, filled by keyboard and mouse, and shows the private outcome with its citations', async () => {
    expect(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM}`).toBe(true);
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(String(error)));
    const box = page.getByLabel('Message Committee Assistant');
    await box.focus();
    await page.keyboard.type('/ripa');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading', { level: 2 }).innerText()).toBe('RIPA check');
    // Focus starts on the first question, a labelled menu; the yes/no questions are groups named by their legends.
    const technique = dialog.getByLabel('Technique');
    expect(await technique.evaluate((e) => e.ownerDocument.activeElement === e)).toBe(true);
    const source = dialog.getByRole('group', { name: 'Is the source a juvenile or vulnerable person?' });
    expect(await source.getByRole('radio', { name: 'No', exact: true }).isChecked()).toBe(true);
    const confidential = dialog.getByRole('group', { name: /confidential information/ });

    // Sent without a technique: the page says what is missing and moves focus there.
    await dialog.getByRole('button', { name: 'Check' }).click();
    expect(await dialog.locator('.bk-error').first().innerText()).toBe('Please complete this required field.');
    expect(await technique.getAttribute('aria-invalid')).toBe('true');
    expect(await technique.evaluate((e) => e.ownerDocument.activeElement === e)).toBe(true);

    await technique.selectOption({ label: 'Covert human intelligence source (CHIS)' });
    await source.getByText('Yes: under 18').click();
    await confidential.getByRole('checkbox', { name: 'Yes' }).focus();
    await page.keyboard.press('Space');
    expect(await confidential.getByRole('checkbox', { name: 'Yes' }).isChecked()).toBe(true);
    await dialog.getByLabel(/Date of the magistrate's approval/).fill('2026-06-01');
    await dialog.getByRole('button', { name: 'Check' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    const outcome = page.locator('.msg.from-bot.ephemeral', { hasText: 'Allowed with authorisation by the Head of Paid Service' });
    await outcome.waitFor();
    const text = await outcome.innerText();
    expect(text).toContain('Only visible to you');
    expect(text).toContain('confidential information is likely');
    expect(text).toContain('Wed 30 Sep 2026');
    expect(await outcome.locator('.bk-context', { hasText: 'para 4.2' }).count()).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 30_000);

  it('lines the message box up with its help text, and lets keyboard users skip past earlier answers to it', async () => {
    expect(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM}`).toBe(true);
    await page.setViewportSize({ width: 1400, height: 720 });
    // Where the help text, the label and a message start (inside their padding), and where the box's edge is.
    // Browser-side code as expression strings: the tests compile without the DOM library.
    const left = async (selector: string, inside = true): Promise<number> =>
      Number(await page.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); return Math.round(el.getBoundingClientRect().left + (${inside} ? parseFloat(getComputedStyle(el).paddingLeft) : 0)); })()`));
    const edges = [await left('#message', false), await left('#help'), await left('.composer-label'), await left('.msg')];
    // The first Tab stop of the page (before the earlier answers' buttons) is the skip link; Enter on it reaches the box.
    const first = String(
      await page.evaluate(`(() => { const stop = document.querySelector('a[href], button, textarea, input, select, [tabindex]:not([tabindex="-1"])'); stop.focus(); return stop.textContent; })()`),
    );
    await page.keyboard.press('Enter');
    const then = String(await page.evaluate('document.activeElement?.id'));
    expect({ edges: [...new Set(edges)].length, first, then }).toEqual({ edges: 1, first: 'Skip to the message box', then: 'message' });
  }, 30_000);
});

