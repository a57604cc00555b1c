// End-to-end tests that nothing stored can blank the page or lock the user out.
import { BASE, assert, expectText } from './harness.mjs'
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
