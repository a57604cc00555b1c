/**
 * One line under the top bar for what the app must tell the user about the page itself: a share
 * link that could not be opened (and that the last good state was kept), or a cluster left out of a
 * link. A live region, so a screen reader hears it too.
 */
import { useAppStore } from '../../store/context'

export function NoticeBar() {
  const notice = useAppStore((s) => s.notice)
  const showNotice = useAppStore((s) => s.showNotice)
  return (
    <div className="notice-region" aria-live="polite">
      {notice && (
        <div className={`notice is-${notice.tone}`} role="status" data-testid="notice">
          <span>{notice.text}</span>
          <button type="button" onClick={() => showNotice(null)} aria-label="Dismiss this notice">
            ×
          </button>
        </div>
      )}
    </div>
  )
}
