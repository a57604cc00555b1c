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
