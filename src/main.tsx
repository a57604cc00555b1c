/**
 * The page's entry, kept tiny: index.html already paints the frame of the page (its static shell), and
 * this loads the app — the engine, the store and React — without holding the first paint. The shell is
 * replaced when the app renders; if the app cannot start, the shell says why instead of "Loading…".
 */
import('./boot').catch((e: unknown) => {
  const note = document.querySelector('.boot-note')
  if (!note) return
  note.setAttribute('role', 'alert')
  note.textContent = `Podlife could not start (${e instanceof Error ? e.message : String(e)}). This is a bug in Podlife, not in your files: what you edited is still saved in this browser.`
})
