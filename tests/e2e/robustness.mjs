// End-to-end tests that nothing stored can blank the page or lock the user out.
import { BASE, assert, expectText } from './harness.mjs'
import { open } from './app.mjs'

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
