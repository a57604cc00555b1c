// End-to-end tests for the classroom: legible at projector sizes, nothing overlapping, endings that
// explain, the page driven by keyboard alone.
import { BASE, SHOTS, assert, expectText } from './harness.mjs'
import { jumpToEnd, open, retypeLine, waitForEditor } from './app.mjs'

export const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
]

/**
 * Every text drawn in the graph with its rendered size (computed font size × the viewport's zoom)
 * and whether it overflows its box, and the boxes of the page's main regions.
 */
async function measure(page) {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport')
    const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 1
    const texts = [
      ...document.querySelectorAll(
        '.graph .component-label, .graph .component-detail, .graph .node-chip-name, .graph .node-chip-detail, .graph .node-chip-pod, .graph .node-chip-others, .graph .wire-message',
      ),
    ].map((el) => ({
      cls: el.className.split(' ')[0],
      text: el.textContent,
      px: parseFloat(getComputedStyle(el).fontSize) * zoom,
    }))
    const boxes = [...document.querySelectorAll('.graph .component, .graph .node-chip')].map((el) => {
      const r = el.getBoundingClientRect()
      return {
        name: el.textContent,
        overflowX: el.scrollWidth - el.clientWidth,
        overflowY: el.scrollHeight - el.clientHeight,
        rect: { x: r.x, y: r.y, w: r.width, h: r.height },
      }
    })
    // The chapter buttons: a title may wrap, never be cut.
    const chapters = [...document.querySelectorAll('.stages .chapter')].map((el) => ({
      name: el.textContent,
      overflowX: el.scrollWidth - el.clientWidth,
      overflowY: el.scrollHeight - el.clientHeight,
    }))
    const region = (sel) => {
      const el = document.querySelector(sel)
      if (!el || getComputedStyle(el).display === 'none') return null
      const r = el.getBoundingClientRect()
      return { x: r.x, y: r.y, w: r.width, h: r.height }
    }
    return {
      zoom,
      texts,
      boxes,
      chapters,
      regions: {
        graph: region('.graph'),
        narration: region('.narration'),
        lesson: region('.lesson-card'),
        inspector: region('.inspector'),
        editor: region('.pane-editor'),
        playbar: region('.playbar'),
        topbar: region('.topbar'),
      },
      controls: [
        ...document.querySelectorAll(
          '.topbar-right select, .topbar-right > button, .topbar-right > .share > button, .topbar-right > .pod-status',
        ),
      ].map((el) => {
        const r = el.getBoundingClientRect()
        return {
          name: el.getAttribute('aria-label') || el.className,
          rect: { x: r.x, y: r.y, w: r.width, h: r.height },
        }
      }),
      scrollX: document.documentElement.scrollWidth - window.innerWidth,
    }
  })
}

const overlaps = (a, b) =>
  a && b && a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5
const inside = (a, b) =>
  a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.w <= b.x + b.w + 0.5 && a.y + a.h <= b.y + b.h + 0.5

/** Check the legibility rules on what is on screen now. */
export async function checkLegible(page, where) {
  const m = await measure(page)
  for (const t of m.texts) {
    const min = t.cls === 'component-label' ? 18 : 14
    assert(t.px >= min - 0.01, `${where}: "${t.text}" (${t.cls}) renders at ${t.px.toFixed(1)} px < ${min}`)
  }
  assert(m.texts.filter((t) => t.cls === 'component-label').length === 9, `${where}: not 9 component names`)
  for (const c of m.chapters)
    assert(
      c.overflowX <= 1 && c.overflowY <= 1,
      `${where}: the chapter "${c.name}" is cut (${c.overflowX}, ${c.overflowY})`,
    )
  for (const b of m.boxes) {
    assert(
      b.overflowX <= 1 && b.overflowY <= 1,
      `${where}: "${b.name}" overflows its box (${b.overflowX}, ${b.overflowY})`,
    )
    assert(inside(b.rect, m.regions.graph), `${where}: "${b.name}" is cut by the graph's edge`)
  }
  for (let i = 0; i < m.boxes.length; i++)
    for (let j = i + 1; j < m.boxes.length; j++)
      assert(
        !overlaps(m.boxes[i].rect, m.boxes[j].rect),
        `${where}: "${m.boxes[i].name}" overlaps "${m.boxes[j].name}"`,
      )
  const r = m.regions
  const pairs = [
    ['graph', 'narration'],
    ['graph', 'lesson'],
    ['narration', 'lesson'],
    ['lesson', 'playbar'],
    ['graph', 'inspector'],
    ['graph', 'editor'],
    ['narration', 'inspector'],
    ['narration', 'editor'],
    ['graph', 'playbar'],
    ['narration', 'playbar'],
    ['graph', 'topbar'],
  ]
  for (const [a, b] of pairs) assert(!overlaps(r[a], r[b]), `${where}: ${a} overlaps ${b}`)
  // The top bar's controls (picker, What if…, Share, Present, the pill) each keep their own room.
  for (let i = 0; i < m.controls.length; i++)
    for (let j = i + 1; j < m.controls.length; j++)
      assert(
        !overlaps(m.controls[i].rect, m.controls[j].rect),
        `${where}: in the top bar, "${m.controls[i].name}" overlaps "${m.controls[j].name}"`,
      )
  assert(m.scrollX <= 0, `${where}: the page scrolls sideways by ${m.scrollX} px`)
  return m
}

export const classroomTests = []

for (const size of SIZES) {
  const where = `${size.width}×${size.height}`
  classroomTests.push([
    `at ${where} the graph's text is legible from the back of the room and nothing overlaps or is cut`,
    async (page) => {
      await open(page, BASE)
      await waitForEditor(page)
      await checkLegible(page, `${where} before Enter`)
      await page.screenshot({ path: `${SHOTS}/size-${where}-start.png` })
      // Scheduling: the node chips carry their reasons.
      await page.getByRole('button', { name: 'Jump to chapter: Scheduling' }).click()
      const chip = page.getByTestId('node-chip-control-plane')
      for (let i = 0; i < 5 && !/untolerated/.test((await chip.textContent()) ?? ''); i++)
        await page.getByRole('button', { name: 'Step forward' }).click()
      await page.waitForTimeout(300)
      const m = await checkLegible(page, `${where} while scheduling`)
      assert(
        m.texts.some((t) => /untolerated taint/.test(t.text)),
        `${where}: the control plane's taint reason is not on its chip`,
      )
      // Mid-flight: a message on a wire is measured too.
      await page.getByRole('button', { name: 'Jump to chapter: Containers' }).click()
      await page.waitForTimeout(250)
      const flying = await checkLegible(page, `${where} with a message in flight`)
      assert(
        flying.texts.some((t) => t.cls === 'wire-message'),
        `${where}: no labelled message in flight`,
      )
      await page.keyboard.press('End')
      await page.waitForTimeout(1200)
      await checkLegible(page, `${where} at the end`)
      await page.screenshot({ path: `${SHOTS}/size-${where}-end.png` })
      // The inspector gets room: widened, it still overlaps nothing, and describe keeps its columns.
      await page.getByTestId('component-kube-scheduler').click()
      await page.getByRole('button', { name: 'Widen the inspector' }).click()
      await page.waitForTimeout(300)
      const wide = await measure(page)
      assert(
        wide.regions.inspector && wide.regions.inspector.w >= 560,
        `${where}: the widened inspector is narrow`,
      )
      assert(
        !overlaps(wide.regions.inspector, wide.regions.graph),
        `${where}: the wide inspector covers the graph`,
      )
      const pre = await page.evaluate(() => {
        const el = document.querySelector('.inspector-section pre')
        return el ? getComputedStyle(el).whiteSpace : null
      })
      assert(pre === null || pre === 'pre', `${where}: a monospace view wraps (${pre})`)
      await page.screenshot({ path: `${SHOTS}/size-${where}-inspector.png` })
      // A Deployment: the controller-manager's card with its summary, replicas on several chips.
      await page.getByRole('button', { name: 'Narrow the inspector' }).click()
      await page
        .getByRole('combobox', { name: 'Scenario' })
        .selectOption({ label: 'A Deployment of 3 replicas' })
      await page.keyboard.press('End')
      await page.waitForTimeout(1200)
      await expectText(page.getByTestId('component-kube-controller-manager'), /deploy\/web 3\/3 ready/)
      const d = await checkLegible(page, `${where}, a Deployment at its end`)
      assert(
        d.texts.some((t) => /^\+\d+$|pods? of the run/.test(t.text)),
        `${where}: no node chip counts the Deployment's other replicas`,
      )
      await page.screenshot({ path: `${SHOTS}/size-${where}-deployment.png` })
    },
    { viewport: size },
  ])
}

classroomTests.push([
  'at 200 % zoom on a 1280×720 screen the page stacks, scrolls down and never sideways',
  async (page) => {
    await open(page, BASE)
    await waitForEditor(page)
    const m = await measure(page)
    assert(m.scrollX <= 0, `the page scrolls sideways by ${m.scrollX} px`)
    for (const [a, b] of [
      ['graph', 'narration'],
      ['graph', 'editor'],
      ['narration', 'editor'],
      ['graph', 'playbar'],
      ['narration', 'playbar'],
      ['playbar', 'editor'],
    ])
      assert(!overlaps(m.regions[a], m.regions[b]), `${a} overlaps ${b}`)
    const play = page.getByRole('button', { name: 'Play' })
    assert(await play.isVisible(), 'Play is not on screen')
    await page.getByRole('button', { name: 'Step forward' }).click()
    await expectText(page.getByTestId('narration'), /kubectl reads pod\.yaml/)
    await page.screenshot({ path: `${SHOTS}/size-1280x720-zoom-200.png`, fullPage: true })
  },
  { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
])

/** Load a scenario, go to its end, and read the ending. */
async function endingOf(page, title) {
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: title })
  await jumpToEnd(page)
  const ending = page.getByTestId('ending')
  await ending.waitFor({ timeout: 5000 })
  return ending
}

/** Click the ending's first cause and return the narration and summary it lands on. */
async function followCause(page, ending) {
  const link = ending.getByTestId('cause-link').first()
  const target = Number(await link.getAttribute('data-event-index'))
  await link.click()
  const panel = page.getByTestId('narration-panel')
  await page.waitForTimeout(100)
  return { target, text: (await panel.textContent()) ?? '' }
}

// Each failure's ending names its cause, shows the cluster's message whole, and its first link lands
// on the step where the cause arose.
const ENDINGS = [
  {
    title: 'nginx, the happy path',
    headline: /Running/,
    cause: /Started|Running|status/i,
  },
  {
    title: 'Too big for any node (Pending)',
    headline: /Pending|cannot be scheduled|no node/i,
    message: /0\/3 nodes are available: 1 node\(s\) had untolerated taint\(s\), 2 Insufficient cpu\./,
    cause: /0\/3 nodes are available|nodes feasible|Insufficient cpu/,
  },
  {
    title: 'busybox with no command (CrashLoopBackOff)',
    headline: /CrashLoopBackOff/,
    cause: /exit|Back-off|BackOff/i,
  },
  {
    title: 'Memory above its limit (OOMKilled)',
    headline: /OOMKilled|memory/i,
    message: /OOMKilled|137/,
    cause: /OOM|137|memory/i,
  },
  {
    title: /validation errors \(422\)/,
    headline: /invalid|422|refused|rejected/i,
    message: /is invalid:[\s\S]*\n[\s\S]*\n/,
    cause: /invalid|validation/i,
  },
  {
    title: 'Typo in the image (ImagePullBackOff)',
    headline: /ImagePullBackOff|ErrImagePull|pull/i,
    cause: /pull|Failed/i,
  },
]

classroomTests.push([
  'each scenario ends by saying what happened and why, and its link jumps to the causing step',
  async (page) => {
    await open(page, BASE)
    const picker = page.getByRole('combobox', { name: 'Scenario' })
    await picker.waitFor()
    const labels = await picker.locator('option:not([disabled])').allTextContents()
    for (const e of ENDINGS) {
      const label = typeof e.title === 'string' ? e.title : labels.find((l) => e.title.test(l))
      assert(label, `no scenario matches ${e.title}`)
      const ending = await endingOf(page, label)
      await expectText(ending.locator('.ending-headline'), e.headline).catch((err) => {
        throw new Error(`${label}: ${err.message}`)
      })
      if (e.message) {
        const msg = (await ending.locator('.ending-message').textContent()) ?? ''
        assert(e.message.test(msg), `${label}: the message is not shown whole: ${JSON.stringify(msg)}`)
      }
      await page.screenshot({ path: `${SHOTS}/ending-${label.replace(/[^a-z0-9]+/gi, '-')}.png` })
      const { target, text } = await followCause(page, ending)
      const pos = await page.getByRole('slider', { name: 'Story position' }).getAttribute('aria-valuetext')
      assert(
        e.cause.test(text),
        `${label}: the cause link (event ${target}) lands on: ${text.slice(0, 300)} (${pos})`,
      )
    }
  },
  { viewport: { width: 1280, height: 720 } },
])

classroomTests.push([
  'keyboard alone: from load to Running, with the editor left by Escape and a card opened by Enter',
  async (page) => {
    await open(page, BASE)
    await waitForEditor(page)
    // Tab into the editor, type nothing, and leave it with Escape: focus lands on the first card.
    await page.locator('.monaco-editor textarea, .monaco-editor .native-edit-context').first().focus()
    await page.keyboard.press('Escape')
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    assert(focused === 'component-kubectl', `Escape left the editor to ${focused}`)
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)
    assert(ring !== 'none', 'the focused card has no focus ring')
    // Enter opens the card in the inspector.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expectText(page.getByRole('tab', { name: 'Inspector' }), /Inspector/)
    assert(
      (await page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected')) === 'true',
      'Enter on a card did not open the inspector',
    )
    // Space plays; the narration is announced as it changes.
    assert(
      (await page.getByTestId('narration').getAttribute('aria-live')) === 'polite',
      'the narration is not a live region',
    )
    await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur())
    // PageDown / PageUp, as a presentation clicker sends them: chapter by chapter.
    const chapter = async () => (await page.locator('.narration-stage').textContent()) ?? ''
    const seen = []
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('PageDown')
      seen.push(await chapter())
    }
    assert(
      seen[0] !== seen[1] && seen[1] !== seen[2],
      `PageDown did not move by chapter: ${seen.join(' → ')}`,
    )
    await page.keyboard.press('PageUp')
    assert((await chapter()) === seen[1], `PageUp went to ${await chapter()}, not back to ${seen[1]}`)
    for (let i = 0; i < 80; i++) {
      const s = (await page.getByTestId('pod-status').textContent()) ?? ''
      if (/^Running$/.test(s)) break
      await page.keyboard.press('ArrowRight')
    }
    await expectText(page.getByTestId('pod-status'), /^Running$/)
    await expectText(page.getByTestId('pod-pill'), /1\/1/)
    await page.keyboard.press('Home')
    await page.keyboard.press(' ')
    await page.waitForTimeout(1500)
    const pos = Number(await page.getByRole('slider', { name: 'Story position' }).inputValue())
    assert(pos >= 1, `Space did not play (position ${pos})`)
    await page.keyboard.press(' ')
    await page.screenshot({ path: `${SHOTS}/keyboard.png` })
  },
  { viewport: { width: 1280, height: 720 } },
])

classroomTests.push([
  'loading a scenario over an edited manifest can be undone, and the picker shows what is loaded',
  async (page) => {
    await open(page, BASE)
    // A first visit: the default scenario is loaded, and its lesson is on screen.
    const first = page.getByRole('combobox', { name: 'Scenario' })
    await first.waitFor()
    const loaded = await first.evaluate((el) => el.options[el.selectedIndex].textContent)
    assert(loaded === 'nginx, the happy path', `the picker shows ${loaded} on a first visit`)
    await expectText(page.getByTestId('lesson'), /Every hop from kubectl to Running/)
    await retypeLine(page, 'image: nginx', '    image: redis:7.4')
    await page.waitForTimeout(600)
    const picker = page.getByRole('combobox', { name: 'Scenario' })
    await picker.selectOption({ label: 'Too big for any node (Pending)' })
    await expectText(page.locator('.monaco-editor .view-lines'), /cpu:\s"6"/, 5000)
    const shown = await picker.evaluate((el) => el.options[el.selectedIndex].textContent)
    assert(shown === 'Too big for any node (Pending)', `the picker shows ${shown}`)
    await expectText(page.getByTestId('lesson'), /NodeResourcesFit rejects both workers/)
    await page.getByRole('button', { name: 'Undo' }).click()
    await expectText(page.locator('.monaco-editor .view-lines'), /redis:7\.4/, 5000)
    await page.reload()
    await waitForEditor(page)
    await expectText(page.locator('.monaco-editor .view-lines'), /redis:7\.4/, 5000)
  },
  { viewport: { width: 1920, height: 1080 } },
])
