// End-to-end tests of the classroom tools: presenter mode driven by a clicker, a lesson with a
// prediction, share links opened in a fresh browser, and "What if…" from a failure's ending.
import { BASE, SHOTS, assert, expectText } from './harness.mjs'
import { jumpToEnd, open } from './app.mjs'
import { checkLegible } from './classroom.mjs'
import { setTimeout as sleep } from 'node:timers/promises'

export const teachingTests = []

/** A pattern matching exactly this text, whole. */
const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
const picker = (page) => page.getByRole('combobox', { name: 'Scenario' })
const card = (page) => page.getByTestId('lesson-card')

/** The lesson card's "Stop k of n", as numbers. */
async function progress(page) {
  const text = (await page.getByTestId('lesson-progress').textContent()) ?? ''
  const m = /Stop (\d+) of (\d+)/.exec(text)
  assert(m, `no stop counter in ${JSON.stringify(text)}`)
  return { k: Number(m[1]), n: Number(m[2]), text }
}

/** Wait until the story has stopped playing (the lesson card no longer says it is on its way). */
async function settle(page, ms = 30000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    const playing = await page.getByRole('button', { name: 'Pause', exact: true }).count()
    if (!playing) return
    await sleep(100)
  }
  throw new Error('the story kept playing')
}

teachingTests.push([
  'presenter mode: a lesson is driven to its end with PageDown alone, the chapter always on screen',
  async (page) => {
    await open(page, BASE)
    await picker(page).selectOption({ label: 'Lesson: The birth of a pod' })
    await card(page).waitFor()
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('p')
    await page.getByTestId('presenter-chapter').waitFor()
    // The editor and the inspector wait until asked for; the lesson sits beside the graph.
    assert(
      !(await page.locator('.pane-editor').isVisible()),
      'the editor is still on screen in presenter mode',
    )
    assert(
      !(await page.getByTestId('inspector').isVisible()),
      'the inspector is still on screen in presenter mode',
    )
    assert(
      await page.getByRole('complementary', { name: 'Lesson' }).isVisible(),
      'no lesson beside the graph',
    )
    await checkLegible(page, 'presenter mode with a lesson')
    const chapters = new Set()
    const stops = []
    let { n } = await progress(page)
    for (let presses = 0; presses < 60; presses++) {
      const p = await progress(page)
      const title = (await page.getByTestId('lesson-stop-title').textContent()) ?? ''
      if (!title.startsWith('Next:') && stops.at(-1) !== title) stops.push(title)
      chapters.add(await page.getByTestId('presenter-chapter').textContent())
      if (p.k === n && !title.startsWith('Next:') && (await page.getByTestId('lesson-next').isDisabled()))
        break
      await page.keyboard.press('PageDown')
      await sleep(150)
      await settle(page)
    }
    const last = await progress(page)
    assert(last.k === last.n, `the lesson stopped at ${last.text}`)
    assert(stops.length === n, `visited ${stops.length} of ${n} stops: ${stops.join(' | ')}`)
    assert(chapters.size >= 6, `the chapter line showed only ${[...chapters].join(', ')}`)
    await expectText(page.getByTestId('pod-status'), /Running/)
    await page.waitForTimeout(1000)
    await checkLegible(page, 'presenter mode at the lesson’s end')
    await page.screenshot({ path: `${SHOTS}/presenter-lesson-end.png` })
    // Esc leaves presenter mode, and the page is back as it was.
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Present' }).waitFor({ timeout: 3000 })
    assert(!(await page.getByTestId('presenter-chapter').count()), 'presenter mode did not end on Esc')
  },
  { viewport: { width: 1280, height: 720 } },
])

teachingTests.push([
  'a prediction: the learner picks an answer, plays on, sees it revealed and scored',
  async (page) => {
    await open(page, BASE)
    await picker(page).selectOption({ label: 'Lesson: Why is my pod Pending?' })
    const prediction = page.getByTestId('prediction')
    await prediction.waitFor()
    const question = (await prediction.textContent()) ?? ''
    assert(/Will the apiserver accept this pod\?/.test(question), `unexpected question: ${question}`)
    // Before the reveal nothing says which is right.
    assert(!(await page.getByTestId('prediction-reveal').count()), 'the answer shows before playing on')
    const choices = prediction.getByRole('radio')
    assert((await choices.count()) >= 2, 'fewer than two choices')
    await prediction.getByRole('radio', { name: 'Yes: 201 Created' }).click()
    assert(
      (await prediction.getByRole('radio', { name: 'Yes: 201 Created' }).getAttribute('aria-checked')) ===
        'true',
      'the choice is not marked as picked',
    )
    await checkLegible(page, 'a lesson with a prediction at 1280×720')
    await page.screenshot({ path: `${SHOTS}/prediction-asked.png` })
    await page.getByRole('button', { name: 'Play on to the answer' }).click()
    const reveal = page.getByTestId('prediction-reveal')
    await reveal.waitFor({ timeout: 15000 })
    await expectText(reveal, /^Right: Yes: 201 Created/)
    await expectText(page.getByTestId('lesson-progress'), /score 1 of 1/)
    // The story really is where the answer shows: the apiserver's 201 to kubectl.
    await expectText(page.getByTestId('narration-panel'), /201|created/i)
    await page.screenshot({ path: `${SHOTS}/prediction-revealed.png` })
    // The next prediction: which node? The answer (none) is revealed by the scheduler's cycle.
    await page.keyboard.press('PageDown')
    await settle(page)
    const second = page.getByTestId('prediction')
    await second.waitFor()
    await expectText(second, /Which node will the scheduler bind this pod to\?/)
    await second.getByRole('radio', { name: 'worker-1' }).click()
    await page.keyboard.press('PageDown')
    await settle(page)
    await expectText(page.getByTestId('prediction-reveal'), /^Not this time: it is No node/)
    await expectText(page.getByTestId('lesson-progress'), /score 1 of 2/)
  },
  { viewport: { width: 1280, height: 720 } },
])

teachingTests.push([
  'a share link opened in a fresh browser shows the same step, narration and inspector',
  async (page, context) => {
    await open(page, BASE)
    await picker(page).selectOption({ label: 'Too big for any node (Pending)' })
    for (let i = 0; i < 17; i++) await page.getByRole('button', { name: 'Step forward' }).click()
    await page.getByTestId('component-kube-scheduler').click()
    await page.getByTestId('chapter-intro').waitFor()
    await expectText(page.getByTestId('inspector'), /Filter and score, per node/)
    const narration = (await page.getByTestId('narration-panel').textContent()) ?? ''
    const inspector = (await page.getByTestId('inspector').textContent()) ?? ''
    await page.getByRole('button', { name: 'Share' }).click()
    const link = await page.getByTestId('share-link').inputValue()
    assert(link.startsWith(`${BASE}/#s=1.`), `unexpected link ${link.slice(0, 60)}`)
    await page.screenshot({ path: `${SHOTS}/share-dialog.png` })
    // A fresh browser: nothing saved, nothing in common but the link.
    const other = await context.browser().newContext({ viewport: { width: 1600, height: 900 } })
    try {
      const fresh = await other.newPage()
      const errors = []
      fresh.on('pageerror', (e) => errors.push(e.message))
      await fresh.goto(link)
      await fresh.getByRole('button', { name: 'Step forward' }).waitFor()
      await expectText(fresh.getByTestId('inspector'), /Filter and score, per node/)
      // Exactly the sender's text (the panels' lazily loaded parts may take a moment to arrive).
      await expectText(fresh.getByTestId('narration-panel'), exactly(narration)).catch(() => {
        throw new Error('the narration differs from the sender’s')
      })
      await expectText(fresh.getByTestId('inspector'), exactly(inspector)).catch(() => {
        throw new Error('the inspector differs from the sender’s')
      })
      assert(fresh.url() === `${BASE}/`, `the link stayed in the address bar: ${fresh.url()}`)
      // The receiver's own earlier work is one Undo away (here there was none: the default scenario).
      assert(errors.length === 0, errors.join('\n'))
    } finally {
      await other.close()
    }
  },
])

teachingTests.push([
  'a share link made during a lesson opens the lesson at the same stop with the same narration',
  async (page, context) => {
    await open(page, BASE)
    await picker(page).selectOption({ label: 'Lesson: How a pod gets its IP' })
    await card(page).waitFor()
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('PageDown')
      await page.keyboard.press('PageDown')
      await settle(page)
    }
    await page.getByTestId('chapter-intro').waitFor()
    const where = await progress(page)
    const title = await page.getByTestId('lesson-stop-title').textContent()
    const narration = await page.getByTestId('narration-panel').textContent()
    await page.getByRole('button', { name: 'Share' }).click()
    const link = await page.getByTestId('share-link').inputValue()
    const other = await context.browser().newContext({ viewport: { width: 1280, height: 720 } })
    try {
      const fresh = await other.newPage()
      await fresh.goto(link)
      await fresh.getByTestId('lesson-card').waitFor()
      await expectText(fresh.getByTestId('lesson-progress'), new RegExp(`Stop ${where.k} of ${where.n}`))
      await expectText(fresh.getByTestId('lesson-stop-title'), exactly(title))
      assert(
        (await fresh.getByTestId('narration-panel').textContent()) === narration,
        'the narration differs',
      )
    } finally {
      await other.close()
    }
  },
  { viewport: { width: 1280, height: 720 } },
])

teachingTests.push([
  'a link cut short, tampered with or from a newer Podlife opens a working app that says why',
  async (page, context) => {
    await open(page, BASE)
    await page.getByRole('button', { name: 'Step forward' }).click()
    await page.getByRole('button', { name: 'Share' }).click()
    const link = await page.getByTestId('share-link').inputValue()
    const bad = [
      [link.slice(0, link.length - 25), /damaged/],
      [
        link.replace(/#s=1\.(.{20})(.)/, (_, a, c) => `#s=1.${a}${c === 'A' ? 'B' : 'A'}`),
        /damaged|not valid/,
      ],
      [link.replace('#s=1.', '#s=9.'), /newer Podlife \(link format 9/],
    ]
    for (const [url, re] of bad) {
      const other = await context.browser().newContext()
      try {
        const fresh = await other.newPage()
        const errors = []
        fresh.on('pageerror', (e) => errors.push(e.message))
        await fresh.goto(url)
        await fresh.getByRole('button', { name: 'Step forward' }).waitFor()
        await expectText(fresh.getByTestId('notice'), re)
        // The app still works: the default story steps.
        await fresh.getByRole('button', { name: 'Step forward' }).click()
        await expectText(fresh.getByTestId('narration'), /kubectl/)
        assert(errors.length === 0, errors.join('\n'))
        await fresh.screenshot({ path: `${SHOTS}/tampered-link.png` })
      } finally {
        await other.close()
      }
    }
  },
])

teachingTests.push([
  'what if: from the "Insufficient cpu" ending, the checked fix runs beside it to Running, the difference marked',
  async (page) => {
    await open(page, BASE)
    await picker(page).selectOption({ label: 'Too big for any node (Pending)' })
    await jumpToEnd(page)
    const ending = page.getByTestId('ending')
    await expectText(ending, /Insufficient cpu/)
    await ending.getByRole('button', { name: 'What if…' }).click()
    const view = page.getByTestId('whatif')
    await view.waitFor()
    const fixes = page.getByRole('group', { name: /Fixes checked/ }).getByRole('button')
    await fixes.first().waitFor()
    const title = (await fixes.first().textContent()) ?? ''
    assert(/^Request \d+m CPU, the most worker-\d can give$/.test(title), `unexpected fix: ${title}`)
    await fixes.first().click()
    await expectText(page.getByTestId('whatif-ending-a'), /Pending/)
    await expectText(page.getByTestId('whatif-ending-b'), /Running on worker-\d/)
    await expectText(page.getByTestId('whatif-divergence'), /First difference in Scheduling/)
    assert(
      (await page.locator('.whatif-stages tr[data-stage="scheduling"]').getAttribute('class'))?.includes(
        'is-divergence',
      ),
      'the scheduling row is not marked as the first difference',
    )
    // Monaco's diff editor shows both manifests, the changed request on the right.
    const modified = page.locator('.whatif-diff .editor.modified')
    await modified.waitFor({ timeout: 20000 })
    const cpu = /(\d+)m/.exec(title)[1]
    await expectText(modified, new RegExp(`cpu:\\s"?${cpu}m`), 10000)
    await page.screenshot({ path: `${SHOTS}/what-if.png` })
    await page.getByRole('button', { name: 'Make this my run' }).click()
    await view.waitFor({ state: 'detached' })
    await jumpToEnd(page)
    await expectText(page.getByTestId('pod-status'), /Running/)
  },
])
