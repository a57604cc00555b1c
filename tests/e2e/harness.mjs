// A small test harness for end-to-end tests: serves the built app with
// `vite preview`, drives Debian's Chromium through playwright-core, runs each
// test in its own browser context, and prints `e2e: N passed, N failed`.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { chromium } from 'playwright-core'

export const PORT = 4173
export const BASE = `http://127.0.0.1:${PORT}`
export const SHOTS = 'test-results/e2e'

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
]

function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

async function waitForServer(url, ms) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      const r = await fetch(url)
      if (r.ok) return
    } catch {
      // not up yet
    }
    await sleep(150)
  }
  throw new Error(`preview server did not start at ${url}`)
}

export async function run(tests) {
  mkdirSync(SHOTS, { recursive: true })
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let serverLog = ''
  server.stdout.on('data', (d) => (serverLog += d))
  server.stderr.on('data', (d) => (serverLog += d))
  const results = []
  let browser
  try {
    await waitForServer(BASE, 20000)
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    // E2E_ONLY=regex runs only the tests whose names match (a quick loop while working on one).
    const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null
    for (const [name, fn, options] of tests) {
      if (only && !only.test(name)) continue
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, ...(options ?? {}) })
      const page = await context.newPage()
      const problems = []
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
      })
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
      page.on('request', (r) => {
        const url = r.url()
        if (!url.startsWith(BASE) && !url.startsWith('data:') && !url.startsWith('blob:'))
          problems.push(`request left the page: ${url}`)
      })
      const started = Date.now()
      try {
        await fn(page, context)
        if (problems.length) throw new Error(problems.join('\n'))
        results.push({ name, ok: true, ms: Date.now() - started })
        console.log(`  ✔ ${name} (${Date.now() - started} ms)`)
      } catch (e) {
        results.push({ name, ok: false, error: String(e?.stack ?? e) })
        console.log(
          `  ✘ ${name}\n    ${String(e?.message ?? e)
            .split('\n')
            .join('\n    ')}`,
        )
        await page.screenshot({ path: `${SHOTS}/FAILED-${slug(name)}.png` }).catch(() => {})
      } finally {
        await context.close()
      }
    }
  } catch (e) {
    results.push({ name: 'harness', ok: false, error: String(e?.stack ?? e) })
    console.log(`  ✘ harness: ${e?.message ?? e}\n${serverLog}`)
  } finally {
    await browser?.close()
    try {
      process.kill(-server.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  const passed = results.filter((r) => r.ok).length
  const failed = results.length - passed
  writeFileSync('test-results/e2e.json', JSON.stringify({ passed, failed, results }, null, 2))
  console.log(`e2e: ${passed} passed, ${failed} failed`)
  return failed === 0
}

export function slug(s) {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export function assert(cond, message) {
  if (!cond) throw new Error(message)
}

export async function expectText(locator, re, timeout = 5000) {
  const until = Date.now() + timeout
  let last = ''
  while (Date.now() < until) {
    last = (await locator.textContent()) ?? ''
    if (re.test(last)) return last
    await sleep(50)
  }
  throw new Error(`expected ${re} but saw ${JSON.stringify(last.slice(0, 300))}`)
}
