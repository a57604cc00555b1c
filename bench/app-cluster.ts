/**
 * The app with a huge cluster: the scheduler benchmark's 5,000 nodes and 150,000 pods, pasted as one JSON
 * List into the cluster.yaml tab, the way a user pastes `kubectl get nodes,pods -A -o json`. Measures, in
 * the page: paste to the simulation result on screen (the node chips of the new cluster), main-thread
 * long tasks meanwhile, then the app in use with that cluster (scheduler table, stepping, playing, editing
 * the manifest, a reload). Page scripts are strings: tsx would wrap functions with helpers the page lacks.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { makeBenchClusterJson } from './fixtures'
import { median, ms, percentile, type Reporter } from './stats'

const NODES = 5000
const PODS_PER_NODE = 30
const SHOTS = 'test-results/bench'
const FIRST_CHIP = '[data-testid="node-chip-node-00000"]'

/** Long tasks (PerformanceObserver), requestAnimationFrame intervals and the last user input, in page time. */
const INSTRUMENT = `(() => {
  const b = (window.__bench = { long: [], frames: [], inputAt: 0 })
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) b.long.push([e.startTime, e.duration])
  }).observe({ type: 'longtask' })
  for (const type of ['paste', 'keydown'])
    document.addEventListener(type, () => { b.inputAt = performance.now() }, { capture: true })
  let last = performance.now()
  const tick = (now) => {
    b.frames.push([now, now - last])
    last = now
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  window.__when = (test) => new Promise((resolve, reject) => {
    const from = performance.now()
    // performance.now(), not the frame's timestamp: that is taken when the frame begins, possibly
    // before a long task that delayed the frame's callbacks.
    const poll = () => {
      const now = performance.now()
      if (test()) resolve(now)
      else if (now - from > 120000) reject(new Error('timed out waiting for ' + test))
      else requestAnimationFrame(poll)
    }
    requestAnimationFrame(poll)
  })
})()`

/**
 * With BENCH_PROFILE set, each phase's main-thread CPU profile is written to test-results/bench/
 * (open it in Chromium's DevTools, Performance panel).
 */
async function profiler(page: Page) {
  if (!process.env['BENCH_PROFILE']) return async (_phase: string) => {}
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.start')
  return async (phase: string) => {
    const { profile } = await cdp.send('Profiler.stop')
    writeFileSync(`${SHOTS}/${phase}.cpuprofile`, JSON.stringify(profile))
    await cdp.send('Profiler.start')
  }
}

type Window = { long: [number, number][]; frames: [number, number][]; inputAt: number }

const now = (page: Page): Promise<number> => page.evaluate('performance.now()')
const bench = (page: Page): Promise<Window> => page.evaluate('window.__bench')
/** Resolves with the page time of the first frame at which `test` (page-side source) holds. */
const when = (page: Page, test: string): Promise<number> => page.evaluate(`window.__when(() => ${test})`)

function tasksIn(w: Window, from: number, to: number) {
  const ds = w.long.filter(([s]) => s >= from && s <= to).map(([, d]) => d)
  return { count: ds.length, max: Math.max(0, ...ds), total: ds.reduce((a, d) => a + d, 0), each: ds }
}
function framesIn(w: Window, from: number, to: number): number[] {
  return w.frames.filter(([t]) => t > from && t <= to).map(([, d]) => d)
}
const describeTasks = (t: ReturnType<typeof tasksIn>) =>
  t.count === 0 ? 'no long task' : `${t.count} long tasks, longest ${ms(t.max)}, ${ms(t.total)} in all`

/**
 * For each inspector tab, all driven in the page (no round trip to the browser is counted): opening
 * the tab at the end of the story, going back to the start, then every step to the end. Each
 * figure is the time from the input to the first frame that shows its result.
 */
async function sweepInspector(page: Page): Promise<{ tab: string; open: number; steps: number[] }[]> {
  return page.evaluate(`(async () => {
    const slider = document.querySelector('[aria-label="Story position"]')
    const total = Number(slider.max) + 1
    const tabs = [...document.querySelectorAll('[aria-label="Inspect component"] button')].filter(
      (b) => b.textContent !== 'Follow the current step',
    )
    const heading = () => document.querySelector('[data-testid="inspector"] h2')?.textContent
    const out = []
    for (const tab of tabs) {
      const name = tab.textContent
      let t0 = performance.now()
      tab.click()
      await window.__when(() => heading() === name)
      const open = performance.now() - t0
      document.querySelector('button[aria-label="Reset"]').click()
      await window.__when(() => slider.value === '-1')
      const steps = []
      for (let i = 0; i < total; i++) {
        t0 = performance.now()
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
        await window.__when(() => slider.value === String(i))
        steps.push(performance.now() - t0)
      }
      out.push({ tab: name, open, steps })
    }
    return out
  })()`)
}

export async function benchHugeCluster(browser: Browser, base: string, record: Reporter): Promise<void> {
  const text = makeBenchClusterJson(NODES, PODS_PER_NODE)
  const mb = (text.length / 1e6).toFixed(1)
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 900 } })
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
  await ctx.route('**/__bench/cluster.json', (r) =>
    r.fulfill({ body: text, contentType: 'application/json' }),
  )
  const page = await ctx.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(base)
  const lines = page.locator('.monaco-editor .view-lines')
  await lines.waitFor({ timeout: 20000 })
  await page.getByRole('tab', { name: 'cluster.yaml' }).click()
  await page.evaluate(INSTRUMENT)
  await page.evaluate(
    `fetch('/__bench/cluster.json').then((r) => r.text()).then((t) => navigator.clipboard.writeText(t))`,
  )

  // 1. Paste the cluster over the whole cluster file.
  mkdirSync(SHOTS, { recursive: true })
  const phaseDone = await profiler(page)
  // Near the start of a line: the middle of a long line (or of view-lines, which spans the whole file)
  // lies beyond the editor's edge, over the graph.
  await page
    .locator('.monaco-editor .view-line')
    .first()
    .click({ position: { x: 30, y: 10 } })
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Control+V')
  const shown = await when(page, `!!document.querySelector('${FIRST_CHIP}')`).catch(async (e: unknown) => {
    await page.screenshot({ path: `${SHOTS}/FAILED-apply.png` })
    throw e
  })
  await phaseDone('1-apply')
  let w = await bench(page)
  const applied = shown - w.inputAt
  record(
    `cluster pasted (${NODES.toLocaleString('en')} nodes, ${(NODES * PODS_PER_NODE).toLocaleString('en')} pods, ${mb} MB JSON) → result on screen`,
    ms(applied),
    '< 3000 ms',
    applied < 3000,
  )
  const applyTasks = tasksIn(w, w.inputAt - 50, shown)
  record(
    '  main thread meanwhile (paste, parse, simulate; a notice is painted between them)',
    `${describeTasks(applyTasks)}: ${applyTasks.each.map(ms).join(', ')}`,
    '',
    null,
  )
  await page.waitForTimeout(2000)
  await phaseDone('2-idle')
  const heap = (await page.evaluate('performance.memory.usedJSHeapSize')) as number
  record(
    '  JavaScript heap once applied (performance.memory)',
    `${(heap / 2 ** 20).toFixed(0)} MiB`,
    '',
    null,
  )
  await page.screenshot({ path: `${SHOTS}/1-cluster-applied.png` })
  const settled = await now(page)
  w = await bench(page)
  const after = tasksIn(w, shown, settled)

  // 2. The scheduler's table at the scheduling step: one row per node, only those in view in the DOM.
  await page
    .getByRole('group', { name: 'Inspect component' })
    .getByRole('button', { name: 'kube-scheduler', exact: true })
    .click()
  await page.getByRole('button', { name: 'Jump to chapter: Scheduling' }).click()
  const table = page.getByTestId('inspector').locator('.table-wrap').first()
  // The stage opens with the pod arriving in the scheduler's queue; its cycle is a step or two later.
  for (let i = 0; i < 8 && !(await table.isVisible()); i++) {
    await page.getByRole('button', { name: 'Step forward' }).click()
    await page.waitForTimeout(200)
  }
  await table.waitFor({ timeout: 20000 })
  const rendered = await table.locator('tbody tr:not([aria-hidden])').count()
  await table.evaluate((el) => {
    el.scrollTop = el.scrollHeight / 2
  })
  await page.waitForTimeout(300)
  const renderedMid = await table.locator('tbody tr:not([aria-hidden])').count()
  const total = Number((await table.getAttribute('aria-label'))?.match(/^(\d+) rows/)?.[1] ?? rendered)
  const rowsOk = total >= NODES && Math.max(rendered, renderedMid) <= 100
  record(
    'scheduler table: rows in the DOM (top, scrolled to the middle) of rows in the table',
    `${rendered}, ${renderedMid} of ${total}`,
    '≤ 100 of 5,000',
    rowsOk,
  )
  await page.screenshot({ path: `${SHOTS}/2-scheduler-table.png` })

  // 3. Stepping (→ every 150 ms) and playing at 8×, with the scheduler inspector open.
  // Focus stays on Reset, which lets the arrow keys through to the app's shortcuts.
  await page.getByRole('button', { name: 'Reset' }).click()
  const stepFrom = await now(page)
  const latencies: number[] = []
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ArrowRight')
    // The first frame whose DOM shows the new step, from the key press.
    const at = await when(page, `document.querySelector('[aria-label="Story position"]').value === '${i}'`)
    latencies.push(at - (await bench(page)).inputAt)
    await page.waitForTimeout(150)
  }
  const stepTo = await now(page)
  await phaseDone('3-step')
  await page.getByRole('button', { name: 'Reset' }).click()
  await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('8')
  await page.getByRole('button', { name: 'Play' }).click()
  const playFrom = await now(page)
  // The story lasts about 3 s at 8×: measure while it plays.
  await page.waitForTimeout(2500)
  const playTo = await now(page)
  await phaseDone('4-play')
  const pause = page.getByRole('button', { name: 'Pause' })
  if (await pause.count()) await pause.click()
  await page.screenshot({ path: `${SHOTS}/3-playing.png` })
  w = await bench(page)
  const stepFrames = framesIn(w, stepFrom, stepTo)
  const playFrames = framesIn(w, playFrom, playTo)
  const stepP95 = percentile(latencies, 95)
  const playP95 = percentile(playFrames, 95)
  record(
    'stepping with → (20 steps): key press → frame showing the step',
    `median ${median(latencies).toFixed(0)} ms, p95 ${stepP95.toFixed(0)} ms; frames meanwhile p95 ${percentile(stepFrames, 95).toFixed(1)} ms, max ${Math.max(...stepFrames).toFixed(0)} ms`,
    'p95 ≤ 100 ms',
    stepP95 <= 100,
  )
  record(
    `frames while playing at 8× (${playFrames.length} frames)`,
    `p95 ${playP95.toFixed(1)} ms, max ${Math.max(...playFrames).toFixed(0)} ms`,
    'p95 ≤ 33 ms',
    playP95 <= 33,
  )

  // 3b. Every inspector tab, every step of the story: the worst step shows a view that does not scale.
  const sweep = await sweepInspector(page)
  await phaseDone('5-sweep')
  const sweepP95 = percentile(
    sweep.flatMap((t) => t.steps),
    95,
  )
  const slowStep = sweep.map((t) => [t.tab, Math.max(...t.steps)] as const).sort((a, b) => b[1] - a[1])[0]!
  const slowOpen = sweep.map((t) => [t.tab, t.open] as const).sort((a, b) => b[1] - a[1])[0]!
  record(
    `each of the ${sweep.length} inspector tabs: opened at the end of the story, then every step from the start → frame`,
    `steps p95 ${ms(sweepP95)}, slowest step ${ms(slowStep[1])} (${slowStep[0]}); slowest tab to open ${ms(slowOpen[1])} (${slowOpen[0]})`,
    'p95 ≤ 100 ms, every tab opens in ≤ 200 ms',
    sweepP95 <= 100 && slowOpen[1] <= 200,
  )
  w = await bench(page)
  const inUse = tasksIn(w, stepFrom, await now(page))
  const worstAfter = Math.max(after.max, inUse.max)
  record(
    'long tasks once applied (2 s idle; scheduler table, stepping, playing, every tab at every step)',
    `${describeTasks(after)} idle; ${describeTasks(inUse)} in use`,
    'none over 200 ms',
    worstAfter <= 200,
  )

  // 4. Edit the manifest with the cluster loaded: rename the pod at the end of the story.
  await page.getByRole('tab', { name: 'pod.yaml' }).click()
  await lines.waitFor()
  await page.getByRole('slider', { name: 'Story position' }).focus()
  await page.keyboard.press('End')
  await page
    .locator('.monaco-editor .view-line', { hasText: /^[^-]*name:\s+nginx\s*$/ })
    .first()
    .click()
  await page.keyboard.press('End')
  const editFrom = await now(page)
  await page.keyboard.type('-x', { delay: 80 })
  const resimulated = await when(
    page,
    `document.querySelector('.pod-status-name')?.textContent === 'nginx-x'`,
  )
  await page.waitForTimeout(500)
  await phaseDone('6-edit')
  w = await bench(page)
  const editTasks = tasksIn(w, editFrom, resimulated + 500)
  const editMs = resimulated - editFrom
  record(
    'manifest edited with the cluster loaded: first of 2 keystrokes → re-simulated result on screen (400 ms debounce included)',
    `${ms(editMs)}; ${describeTasks(editTasks)}`,
    '< 1500 ms, no long task over 200 ms',
    editMs < 1500 && editTasks.max <= 200,
  )

  // 5. Reload: does the cluster survive, and how long until it is back on screen?
  const t0 = Date.now()
  await page.reload()
  let restored: string
  try {
    await page.locator(FIRST_CHIP).waitFor({ timeout: 30000 })
    restored = `restored in ${ms(Date.now() - t0)}`
  } catch {
    restored = 'lost (the app came back without it)'
  }
  await page.screenshot({ path: `${SHOTS}/4-reloaded.png` })
  record('reload with the cluster loaded', restored, 'restored', restored.startsWith('restored'))
  if (errors.length) record('page errors', errors.slice(0, 3).join(' | '), 'none', false)
  await ctx.close()
}
