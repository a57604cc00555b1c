// End-to-end tests that nothing stored can blank the page or lock the user out.
import { BASE, assert, expectText } from './harness.mjs'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect, jumpToEnd, open, replaceManifest } from './app.mjs'

export const robustnessTests = []

robustnessTests.push([
  'a damaged IndexedDB (its object store missing) on reload: no page error, a notice, the app works',
  async (page) => {
    await open(page, BASE)
    // Leave the state a damaged database would: the marker says the cluster is in IndexedDB, and the
    // database exists at version 1 without the object store.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          localStorage.setItem('podlife.cluster-in-indexeddb.v1', '123')
          const del = indexedDB.deleteDatabase('podlife')
          del.onsuccess = () => {
            const req = indexedDB.open('podlife', 1)
            req.onupgradeneeded = () => {} // no object store
            req.onsuccess = () => {
              req.result.close()
              resolve(null)
            }
            req.onerror = () => reject(req.error)
          }
          del.onerror = () => reject(del.error)
        }),
    )
    await page.reload()
    await page.getByRole('button', { name: 'Step forward' }).waitFor()
    await expectText(page.getByTestId('notice'), /could not be read back/)
    await page.getByRole('button', { name: 'Step forward' }).click()
    await expectText(page.getByTestId('narration'), /kubectl/)
    assert(!(await page.getByText('Loading the saved cluster').count()), 'the saved cluster stays "Loading…"')
  },
])

robustnessTests.push([
  'the built page has a Content-Security-Policy without eval, and nothing in it is refused while the app is used',
  async (page) => {
    await page.addInitScript(() => {
      window.__violations = []
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      )
    })
    await open(page, BASE)
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    assert(csp && /script-src 'self'(;|$)/.test(csp), `no strict script-src in ${csp}`)
    assert(!/unsafe-eval/.test(csp), 'the policy allows eval')
    // Use what loads code at run time: Monaco and its YAML worker, the inspector, the diff editor.
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20000 })
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('End')
    await page.keyboard.type('  ')
    await page.getByTestId('component-kube-scheduler').click()
    await page.getByRole('button', { name: 'What if…' }).first().click()
    await page.locator('.whatif-diff .editor.modified').waitFor({ timeout: 20000 })
    await page.waitForTimeout(500)
    const violations = await page.evaluate(() => window.__violations)
    assert(violations.length === 0, `refused by the policy: ${violations.join(', ')}`)
  },
])

robustnessTests.push([
  'markup in a manifest (names, annotations, images, commands) is shown as text everywhere, never run',
  async (page) => {
    await open(page, BASE)
    const evil = '<img src=x onerror="window.__pwned=1">'
    // JSON on one line, as kubectl accepts it: the editor's auto-indent cannot reshape it.
    await replaceManifest(
      page,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'markup', annotations: { note: evil } },
        spec: { containers: [{ name: 'app', image: evil, command: ['sh', '-c', evil] }] },
      }),
    )
    await page.waitForTimeout(700)
    await jumpToEnd(page)
    for (const c of ['kubectl', 'kube-apiserver', 'kubelet', 'containerd (CRI)']) {
      await inspect(page, c)
      await page.waitForTimeout(150)
    }
    const found = await page.evaluate(() => ({
      pwned: window.__pwned === 1,
      imgs: document.querySelectorAll('img[src="x"]').length,
      shown: document.body.innerText.includes('<img src=x'),
    }))
    assert(!found.pwned && found.imgs === 0, 'markup from the manifest became an element')
    assert(found.shown, 'the markup is not shown as text anywhere')
  },
])

/**
 * The hostile corpus (tests/hostile/corpus.ts) pasted into the page, one input at a time, as a person
 * would: the page keeps painting (the longest gap between animation frames stays under 200 ms while
 * the input is pasted and simulated by the engine's worker), the input is stored exactly as typed and
 * survives a reload, the page is never blank, and no page error is thrown (the harness fails on any).
 */
const MAX_GAP_MS = 200
/**
 * The one input held to a looser ceiling (so a loaded machine does not fail the run, and it cannot get
 * much worse): the run's event texts repeat the 1 MB image name hundreds of times, as a real kubelet's
 * events do (about 645 MB to copy out of the worker). 150 ms here; it was 0.25–2.4 s when Monaco laid
 * the line out too. In the closing note of issue 12.
 */
const LOOSER_BOUND = {
  'a 1 MB image name': 1000,
}
robustnessTests.push([
  'every hostile input pasted into the editor: the page never stops painting, the edit survives a reload',
  async (page, context) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE })
    const dir = mkdtempSync(join(tmpdir(), 'podlife-corpus-'))
    execFileSync('npx', ['tsx', 'tests/hostile/write-corpus.ts', dir])
    const inputs = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))
    await page.addInitScript(() => {
      // The longest gap between two animation frames since the last reset.
      window.__gap = { max: 0, last: performance.now() }
      const tick = (t) => {
        window.__gap.max = Math.max(window.__gap.max, t - window.__gap.last)
        window.__gap.last = t
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    await open(page, BASE)
    const report = []
    for (const input of inputs) {
      // The kubeconfig inputs are the headless command's (the app's identities are built in).
      if (input.kubeconfig) continue
      const tab = input.cluster ? 'cluster.yaml' : 'pod.yaml'
      const text = readFileSync(join(dir, input.cluster ? input.cluster : input.manifest), 'utf8')
      await page.getByRole('tab', { name: tab }).click()
      // The code editor, or the file view that stands in for it when the file is more than the
      // editor takes (a line of over 10,000 characters, over 1 MB: store/editor-limits.ts).
      const fileView = page.getByTestId(input.cluster ? 'large-cluster' : 'large-manifest')
      const lines = page.locator('.editor-host:not([hidden]) .monaco-editor .view-line').first()
      await lines.or(fileView).waitFor({ timeout: 20000 })
      await page.evaluate((t) => navigator.clipboard.writeText(t), text)
      if (await fileView.isVisible()) await fileView.getByRole('textbox').focus()
      else await lines.click({ position: { x: 30, y: 8 } })
      await page.keyboard.press('Control+A')
      await page.waitForTimeout(100)
      await page.evaluate(() => {
        window.__gap.max = 0
        window.__gap.last = performance.now()
      })
      // Pasted, as a person brings a file in (typing megabytes key by key is not what anyone does).
      await page.keyboard.press('Control+V')
      // Settled: the debounce has fired and the engine's answer (or its refusal) is in.
      await page.waitForTimeout(600)
      await page.locator('main.workspace:not([aria-busy])').waitFor({ timeout: 30000 })
      await page.waitForTimeout(300)
      const gap = await page.evaluate(() => window.__gap.max)
      // What the editor does not take is shown as a file, saying why, and never reaches Monaco.
      const textLines = text.split('\n')
      const longest = Math.max(...textLines.map((l) => l.length))
      if (longest > 10_000 || textLines.length > 10_000 || text.length > 1_000_000)
        await expectText(fileView, /not shown as text \(.*the editor takes/i, 10000)
      report.push(`${input.name}: ${gap.toFixed(0)} ms`)
      const bound = LOOSER_BOUND[input.name] ?? MAX_GAP_MS
      assert(
        gap < bound,
        `${input.name}: the page stopped painting for ${gap.toFixed(0)} ms (bound ${bound} ms)`,
      )
      const key = input.cluster ? 'podlife.cluster.v1' : 'podlife.manifest.v1'
      const stored = await page.evaluate((k) => localStorage.getItem(k), key)
      const fits = text.length < 2_000_000
      if (fits)
        assert(
          stored === text,
          `${input.name}: the stored text differs from what was typed (${stored?.length} characters stored, ${text.length} typed)`,
        )
      await page.reload()
      const started = Date.now()
      await page
        .getByRole('button', { name: 'Step forward' })
        // A saved input the engine gives up on (20 s) is tried on the built-in cluster too, then the
        // default scenario opens: up to about 45 s, with the page painting throughout.
        .waitFor({ timeout: 60000 })
        .catch((e) => {
          throw new Error(`${input.name}: the app did not open after a reload: ${e.message}`)
        })
      report.push(`reopened in ${Date.now() - started} ms`)
      const visible = await page.evaluate(() => document.body.innerText.length)
      assert(visible > 200, `${input.name}: the page is blank after a reload`)
      if (fits) {
        const back = await page.evaluate((k) => localStorage.getItem(k), key)
        assert(back === text, `${input.name}: the edit did not survive the reload`)
      }
      // Back to the default for the next input (the cluster tab must load a normal cluster).
      if (input.cluster) {
        await page.evaluate(() => localStorage.removeItem('podlife.cluster.v1'))
        await page.reload()
        await page.getByRole('button', { name: 'Step forward' }).waitFor({ timeout: 30000 })
      }
    }
    console.log(`    longest gaps: ${report.join('; ')}`)
  },
])

robustnessTests.push([
  'a pasted manifest with a line too long for the editor is shown as a file, runs, and can be replaced',
  async (page, context) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE })
    await open(page, BASE)
    // A real-looking manifest whose annotation is one line of 50,000 characters.
    const long = `apiVersion: v1
kind: Pod
metadata:
  name: annotated
  annotations:
    note: "${'x'.repeat(50_000)}"
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
`
    await page.evaluate((t) => navigator.clipboard.writeText(t), long)
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Control+V')
    const view = page.getByTestId('large-manifest')
    await expectText(
      view,
      /not shown as text \(a line of 50,012 characters: the editor takes lines up to 10,000\)/,
    )
    assert(!(await page.locator('.monaco-editor').isVisible()), 'the code editor is still shown')
    // The engine runs it as it is: the pasted pod comes to life.
    await page.locator('main.workspace:not([aria-busy])').waitFor()
    await page.waitForTimeout(500)
    await jumpToEnd(page)
    await expectText(page.locator('.cluster-stage'), /pod\/annotated created/, 15000)
    await expectText(page.getByTestId('pod-status'), /Running/, 15000)
    const stored = await page.evaluate(() => localStorage.getItem('podlife.manifest.v1'))
    assert(stored === long, 'the manifest was not stored as pasted')
    await page.screenshot({ path: 'test-results/e2e/large-manifest.png' })
    // A manifest the editor takes, pasted into the view, brings the editor back with it.
    const small = long.replace(/note: ".*"/, 'note: short').replace('annotated', 'short-again')
    await page.evaluate((t) => navigator.clipboard.writeText(t), small)
    await view.getByRole('textbox', { name: 'Paste a manifest to replace pod.yaml' }).focus()
    await page.keyboard.press('Control+V')
    await expectText(page.locator('.monaco-editor .view-lines'), /name:\s+short-again/, 10000)
    // And from a file view, "Back to the default pod" does the same.
    await page.evaluate((t) => navigator.clipboard.writeText(t), long)
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Control+V')
    await view.getByRole('button', { name: 'Back to the default pod' }).click()
    await expectText(page.locator('.monaco-editor .view-lines'), /name:\s+nginx/, 10000)
  },
])
