// Renders the HTML report of the example plans in headless Chromium (Debian's package,
// driven by playwright-core) and checks what a reader sees. .ci/run installs Chromium
// and sets OKRKIT_REQUIRE_BROWSER=1, so there the test can only pass, never skip.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, renderHtml, type Report } from '../../src/report/index.js';
import { formatScore, label, parsePlan, type Locale } from '../../src/index.js';
import { loadPlan } from '../fixtures.js';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(executablePath);
if (!available && process.env['OKRKIT_REQUIRE_BROWSER'] === '1') throw new Error(`Chromium not found at ${executablePath}`);

const DOCS = join(import.meta.dirname, '../../docs');
const CASES: [name: 'xyz-corp' | 'abc-kpis' | 'saas-cascade', asOf: string, locale: Locale][] = [
  ['xyz-corp', '2026-10-01', 'en'],
  ['abc-kpis', '2026-11-15', 'vi'],
  ['saas-cascade', '2026-08-15', 'en'],
];

describe.skipIf(!available)('the HTML report in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(CASES)('shows the titles, scores and statuses of %s and fetches nothing', async (name, asOf, locale) => {
    const report: Report = buildReport(parsePlan(loadPlan(name)), { asOf, locale });
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: false });
    const requests: string[] = [];
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(renderHtml(report), { waitUntil: 'load' });

    await expect(page.locator('h1').innerText()).resolves.toBe(report.title);
    await expect(page.locator('#overall-score').innerText()).resolves.toContain(formatScore(report.score));
    for (const o of report.objectives) {
      const block = page.locator(`article[data-objective="${o.id}"]`);
      expect(await block.isVisible()).toBe(true);
      await expect(block.locator('h3').innerText()).resolves.toBe(o.title);
      await expect(block.locator('.row .score').innerText()).resolves.toBe(formatScore(o.score, { locale }));
      await expect(block.locator('.row .badge').innerText()).resolves.toBe(label(`status.${o.status}`, locale));
      // the bar is as wide as the score (capped at 100 %)
      const bar = await block.locator('.row + .bar').boundingBox();
      const fill = await block.locator('.row + .bar .fill').boundingBox();
      expect(fill!.width / bar!.width).toBeCloseTo(Math.min(1, o.score ?? 0), 2);
      for (const kr of o.keyResults) {
        const row = block.locator(`tr[data-kr="${kr.id}"]`);
        expect(await row.isVisible()).toBe(true);
        expect(await row.locator('svg.chart').count()).toBe(1);
      }
    }
    for (const k of report.kpis) {
      const row = page.locator(`tr[data-kpi="${k.id}"]`);
      await expect(row.locator('.badge').innerText()).resolves.toBe(label(`rag.${k.status!}`, locale));
      expect(await row.locator('svg.chart').count()).toBe(1);
    }
    expect(await page.locator('#findings li').count()).toBe(report.findings.length);
    expect(requests).toEqual([]);

    mkdirSync(DOCS, { recursive: true });
    writeFileSync(join(DOCS, `report-${name}.png`), await page.screenshot({ fullPage: true }));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  }, 60_000);
});
