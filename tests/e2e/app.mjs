// Page helpers: the things a person does with Podlife.
import { expectText } from './harness.mjs'

export async function open(page, base) {
  await page.goto(base)
  await page.getByRole('button', { name: 'Step forward' }).waitFor()
}

export async function waitForEditor(page) {
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20000 })
}

export async function stepUntilStatus(page, re, maxSteps = 200) {
  const status = page.getByTestId('pod-status')
  for (let i = 0; i < maxSteps; i++) {
    const text = (await status.textContent()) ?? ''
    if (re.test(text)) return i
    await page.getByRole('button', { name: 'Step forward' }).click()
  }
  throw new Error(`status never matched ${re}: ${await status.textContent()}`)
}

/** Replace the whole manifest by typing it, as a person pasting a new one would. */
export async function replaceManifest(page, text) {
  await waitForEditor(page)
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(text)
}

/** Put the cursor on the line containing `needle` and retype that line. */
export async function retypeLine(page, needle, replacement) {
  await waitForEditor(page)
  const line = page.locator('.monaco-editor .view-line', { hasText: needle }).first()
  await line.click()
  await page.keyboard.press('End')
  await page.keyboard.press('Shift+Home')
  await page.keyboard.press('Shift+Home')
  await page.keyboard.insertText(replacement)
}

export async function jumpToEnd(page) {
  const slider = page.getByRole('slider', { name: 'Story position' })
  // While a new story is on its way from the engine's worker, the slider is disabled.
  await page.locator('input[aria-label="Story position"]:not([disabled])').waitFor()
  await slider.focus()
  await page.keyboard.press('End')
}

export async function inspect(page, component) {
  await page
    .getByRole('group', { name: 'Inspect component' })
    .getByRole('button', { name: component, exact: true })
    .click()
  return page.getByTestId('inspector')
}

export { expectText }
