/**
 * The canvas benchmark: headless Chromium (Playwright) against the production build.
 * For each input it imports through the UI (the "Schema file" input of the Import dialog) and
 * times until the tables are rendered, then records frame times while panning and while dragging
 * a table, with mouse moves sent every 16 ms without waiting for the page. Median of 3 runs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { BenchCase } from './types';
import { generatedDdl } from './generate-ddl';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(root, '../shared/corpus/prisma');
const PORT = Number(process.env.BENCH_PORT ?? 3555);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

let server: ChildProcess | undefined;
let browser: Browser | undefined;

function largestCorpusSchema(): string | undefined {
  if (!existsSync(corpus)) return undefined;
  const files = readdirSync(corpus).filter((f) => f.endsWith('.prisma')).map((f) => path.join(corpus, f));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

function killServer() {
  if (!server?.pid) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  server = undefined;
}

async function start() {
  if (browser) return;
  // A case whose browser failed to launch leaves the server up: reuse it rather than start a second on the same port.
  if (server) return launchBrowser();
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    const r = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (r.status !== 0) throw new Error('next build failed');
  }
  server = spawn('npx', ['next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], { cwd: root, stdio: 'ignore', detached: true });
  process.on('exit', killServer);
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await launchBrowser();
}

async function launchBrowser() {
  const { chromium } = await import('@playwright/test');
  browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Called by the harness once all cases ran. */
export async function teardown() {
  await stop();
}

async function stop() {
  await browser?.close();
  browser = undefined;
  killServer();
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)] ?? NaN;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Frame times (ms between animation frames) while `drive` runs. */
async function frameTimes(page: Page, drive: () => Promise<void>): Promise<number[]> {
  // Scripts are strings: tsx instruments functions with helpers that do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    function tick(t) {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  await drive();
  return page.evaluate(`(() => { window.__recording = false; return window.__frames.slice(1); })()`) as Promise<number[]>;
}

/** Presses at (x, y) and moves the mouse along a path with one event every 16 ms, not waiting for the page. */
async function dragFast(cdp: CDPSession, x: number, y: number, dx: number, dy: number, ms = 2000) {
  const send = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', px: number, py: number) =>
    void cdp.send('Input.dispatchMouseEvent', { type, x: px, y: py, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1 }).catch(() => {});
  send('mouseMoved', x, y);
  send('mousePressed', x, y);
  const steps = Math.floor(ms / 16);
  for (let i = 1; i <= steps; i++) {
    const f = i / steps;
    send('mouseMoved', x + dx * Math.sin(f * Math.PI), y + dy * f);
    await new Promise((r) => setTimeout(r, 16));
  }
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: x + dx * 0, y: y + dy, button: 'left', buttons: 0, clickCount: 1 });
}

async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(`(() => {
    const r = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (let gy = 0.05; gy < 1; gy += 0.05) {
      for (let gx = 0.05; gx < 0.7; gx += 0.05) {
        const x = r.left + r.width * gx;
        const y = r.top + r.height * gy;
        const el = document.elementFromPoint(x, y);
        if (el && el.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return { x: r.left + 5, y: r.top + 5 };
  })()`) as Promise<{ x: number; y: number }>;
}

async function runOnce(file: { name: string; text: string }, tables: number) {
  const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByRole('region', { name: /^Table / }).first().waitFor();
  // The SQL worker boots PostgreSQL while the app is idle; wait for it as a user would.
  await page.waitForFunction('window.__schemataSqlWarm === true', null, { timeout: 60_000 });
  await page.getByRole('navigation', { name: 'Editor actions' }).getByRole('button', { name: 'Import' }).click();
  const input = page.getByLabel('Schema file');
  await page.evaluate('window.__t0 = performance.now()');
  await input.setInputFiles({ name: file.name, mimeType: 'text/plain', buffer: Buffer.from(file.text) });
  const importMs = await page.waitForFunction(
    `(() => {
      const h = (document.querySelector('h1') || {}).textContent || '';
      if (!h.includes('${tables} tables') || !document.querySelector('.react-flow__node-table section')) return false;
      return performance.now() - window.__t0;
    })()`,
    null,
    { polling: 'raf', timeout: 120_000 },
  );
  const ms = (await importMs.jsonValue()) as number;
  // A SQL import first shows the parser's preview; then PostgreSQL's catalog result replaces it.
  const checkedMs = (await (
    await page.waitForFunction(
      `(() => !document.querySelector('[data-import-state="checking"]') && document.querySelector('.react-flow__node-table section') && performance.now() - window.__t0)()`,
      null,
      { polling: 'raf', timeout: 120_000 },
    )
  ).jsonValue()) as number;
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  const pane = await emptyPanePoint(page);
  const pan = await frameTimes(page, () => dragFast(cdp, pane.x, pane.y, 300, 200));
  await page.getByRole('button', { name: 'Fit view' }).first().click();
  await page.waitForTimeout(400);
  const header = (await page.evaluate(`(() => {
    const rect = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const hs = [...document.querySelectorAll('.react-flow__node-table section')].map((h) => h.getBoundingClientRect());
    const inside = hs.filter((b) => b.left > rect.left + 20 && b.right < rect.right - 20 && b.top > rect.top + 20 && b.bottom < rect.bottom - 20);
    const b = inside[Math.floor(inside.length / 2)] || hs[0];
    return { x: b.left + b.width / 2, y: b.top + Math.min(10, b.height / 2) };
  })()`)) as { x: number; y: number };
  const drag = await frameTimes(page, () => dragFast(cdp, header.x, header.y, 250, 150));
  await context.close();
  return { importMs: ms, checkedMs, panP95: p95(pan), dragP95: p95(drag) };
}

async function measure(file: { name: string; text: string }, tables: number): Promise<Record<string, number>> {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runOnce(file, tables));
  return {
    'import until rendered (median of 3)': median(runs.map((r) => r.importMs)),
    'until checked by PostgreSQL (median of 3)': median(runs.map((r) => r.checkedMs)),
    'p95 frame while panning': median(runs.map((r) => r.panP95)),
    'p95 frame while dragging a table': median(runs.map((r) => r.dragP95)),
  };
}

const largest = largestCorpusSchema();
const largestTables = largest ? (readFileSync(largest, 'utf8').match(/^model\s+\w+/gm) ?? []).length : 0;

export const cases: BenchCase[] = [
  {
    name: 'canvas: 300 generated tables (PostgreSQL DDL)',
    size: '300 tables',
    target: 'import ≤ 600 ms, p95 frame ≤ 50 ms',
    measure: async () => (await start(), measure({ name: 'generated-300.sql', text: generatedDdl(300) }, 300)),
  },
  {
    name: 'canvas: 1,000 generated tables (PostgreSQL DDL)',
    size: '1,000 tables',
    target: 'import ≤ 2 s, p95 frame ≤ 100 ms',
    measure: async () => (await start(), measure({ name: 'generated-1000.sql', text: generatedDdl(1000) }, 1000)),
  },
  {
    name: `canvas: largest corpus Prisma schema${largest ? ` (${path.basename(largest)})` : ''}`,
    size: `${largestTables} models`,
    skip: largest ? undefined : 'corpus not found at ../shared/corpus',
    measure: async () => (await start(), measure({ name: path.basename(largest!), text: readFileSync(largest!, 'utf8') }, largestTables)),
  },
];
