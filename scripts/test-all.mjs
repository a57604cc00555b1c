// The one test command (npm test): typecheck, lint, unit tests, build, end-to-end
// tests in Chromium. Prints every step, then one closing line `N passed, N failed`
// (unit and end-to-end tests together). Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

mkdirSync('test-results', { recursive: true })
for (const f of ['test-results/vitest.json', 'test-results/e2e.json']) rmSync(f, { force: true })
let passed = 0
let failed = 0
let stepFailed = false

function step(name, cmd, args) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env })
  if (r.status !== 0) {
    console.log(`✘ ${name} failed (exit ${r.status})`)
    stepFailed = true
  }
  return r.status === 0
}

step('typecheck', 'npx', ['tsc', '-b'])
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0'])
step('format', 'npx', ['prettier', '--check', '.'])

step('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/vitest.json',
])
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
  passed += v.numPassedTests ?? 0
  failed +=
    (v.numFailedTests ?? 0) + (v.numTotalTestSuites > 0 && v.success === false && !v.numFailedTests ? 1 : 0)
} else {
  failed += 1
}

if (step('build', 'npx', ['vite', 'build'])) {
  step('end-to-end tests', 'node', ['tests/e2e/run.mjs'])
  if (existsSync('test-results/e2e.json')) {
    const e = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'))
    passed += e.passed
    failed += e.failed
  } else failed += 1
} else {
  failed += 1
}

if (stepFailed && failed === 0) failed = 1
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 && !stepFailed ? 0 : 1)
