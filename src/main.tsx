/**
 * The page's entry, kept tiny: index.html already paints the frame of the page (its static shell), and
 * this loads the app — the engine, the store and React — without holding the first paint. The shell is
 * replaced when the app renders.
 */
void import('./boot')
