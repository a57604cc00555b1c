/**
 * "Share": a link that reproduces exactly what is on screen (manifest, cluster, who runs kubectl,
 * seed, step, open component, lesson stop, presenter mode). The link is built when the dialog opens
 * and copied to the clipboard; it is also shown, selected, so it can be copied by hand where the
 * clipboard is not allowed. A cluster too large for a URL is left out, with a way to download it.
 */
import { useRef, useState } from 'react'
import { DEFAULT_CLUSTER } from '../../engine/index'
import { useAppStoreApi } from '../../store/context'
import { textSize } from '../../store/cluster-text'

/** Past this many characters some chat apps and e-mail clients cut a link. */
const LONG_LINK = 8000

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function ShareButton() {
  const store = useAppStoreApi()
  const [link, setLink] = useState<{ url: string; omitted: number | null; copied: boolean } | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const open = async () => {
    // The link's compression (fflate) loads when first asked for, not before first paint.
    const { encodeShare, sharedStateOf } = await import('../../store/share-link')
    const shared = sharedStateOf(store.getState(), DEFAULT_CLUSTER)
    const url = `${location.origin}${location.pathname}#${encodeShare(shared)}`
    setLink({ url, omitted: shared.clusterOmitted, copied: false })
    navigator.clipboard?.writeText(url).then(
      () => setLink((l) => (l && l.url === url ? { ...l, copied: true } : l)),
      () => {},
    )
    requestAnimationFrame(() => input.current?.select())
  }
  return (
    <div className="share">
      <button
        type="button"
        className="share-button"
        onClick={() => (link ? setLink(null) : void open())}
        aria-expanded={link !== null}
        aria-controls="share-dialog"
      >
        Share
      </button>
      {link && (
        <div className="share-dialog" id="share-dialog" role="dialog" aria-label="Share link">
          <label>
            <span>
              {link.copied ? 'Link copied to the clipboard' : 'Copy this link'} (
              {link.url.length.toLocaleString('en')} characters)
            </span>
            <input ref={input} readOnly value={link.url} aria-label="Share link" data-testid="share-link" />
          </label>
          <p className="share-note">
            It opens this step, this narration and this component, offline: nothing is sent anywhere.
            {link.url.length > LONG_LINK && ' It is long: some chat apps cut links this size.'}
          </p>
          {link.omitted !== null && (
            <p className="share-note is-waiting" data-testid="share-cluster-omitted">
              The cluster file ({textSize(link.omitted)}) is too large for a link and is left out; the link
              opens with the built-in cluster.{' '}
              <button type="button" onClick={() => download('cluster.yaml', store.getState().cluster)}>
                Download cluster.yaml
              </button>
            </p>
          )}
          <div className="share-actions">
            <button
              type="button"
              onClick={() => {
                input.current?.select()
                void navigator.clipboard?.writeText(link.url).then(() => setLink({ ...link, copied: true }))
              }}
            >
              Copy link
            </button>
            <button type="button" onClick={() => setLink(null)}>
              Close
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
