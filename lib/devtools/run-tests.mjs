#!/usr/bin/env node
// `npm test`: type-check, lint, unit tests (Vitest), production build, e2e tests (Playwright).
// Prints each step's pass counts and a closing line "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'test-results');
mkdirSync(out, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const steps = [];

function run(name, cmd, args) {
  if (only.length && !only.includes(name)) return null;
  process.stdout.write(`\n=== ${name}: ${[cmd, ...args].join(' ')}\n`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  const step = { name, ok: r.status === 0, seconds: (Date.now() - t0) / 1000, passed: 0, failed: 0, skipped: 0 };
  steps.push(step);
  return step;
}

const npx = (bin, args) => ['node', [path.join(root, 'node_modules', bin), ...args]];

let s = run('typecheck', ...npx('typescript/bin/tsc', ['--noEmit', '-p', '.']));
if (s) Object.assign(s, s.ok ? { passed: 1 } : { failed: 1 });
s = run('lint', ...npx('eslint/bin/eslint.js', ['--max-warnings=0', '.']));
if (s) Object.assign(s, s.ok ? { passed: 1 } : { failed: 1 });

const vitestJson = path.join(out, 'vitest.json');
rmSync(vitestJson, { force: true });
s = run('unit', ...npx('vitest/vitest.mjs', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]));
if (s) {
  if (existsSync(vitestJson)) {
    const j = JSON.parse(readFileSync(vitestJson, 'utf8'));
    Object.assign(s, { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + (j.numTodoTests ?? 0) });
    if (!s.ok && s.failed === 0) s.failed = 1;
  } else if (!s.ok) s.failed = 1;
}

if (!only.length || only.includes('e2e')) {
  const b = run('build', ...npx('next/dist/bin/next', ['build']));
  if (b) Object.assign(b, b.ok ? { passed: 1 } : { failed: 1 });
  if (b?.ok) {
    const pwJson = path.join(out, 'playwright.json');
    rmSync(pwJson, { force: true });
    const e = run('e2e', ...npx('@playwright/test/cli.js', ['test']));
    // Playwright's json reporter writes to PLAYWRIGHT_JSON_OUTPUT_NAME.
    if (e) {
      if (existsSync(pwJson)) {
        const j = JSON.parse(readFileSync(pwJson, 'utf8'));
        Object.assign(e, { passed: j.stats.expected + (j.stats.flaky ?? 0), failed: j.stats.unexpected, skipped: j.stats.skipped });
      }
      if (!e.ok && e.failed === 0) e.failed = 1;
    }
  }
}

console.log('\n=== summary');
console.log('step       passed  failed  skipped  seconds');
for (const st of steps) {
  console.log(
    `${st.name.padEnd(10)} ${String(st.passed).padStart(6)}  ${String(st.failed).padStart(6)}  ${String(st.skipped).padStart(7)}  ${st.seconds.toFixed(1).padStart(7)}`,
  );
}
const total = (k) => steps.reduce((a, st) => a + st[k], 0);
const failed = total('failed') + steps.filter((st) => !st.ok && st.failed === 0).length;
console.log(`\ntests: ${total('passed')} passed, ${failed} failed, ${total('skipped')} skipped`);
process.exit(failed ? 1 : 0);
