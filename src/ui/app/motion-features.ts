/**
 * motion's animation features, loaded after first paint: LazyMotion renders its `m` components without
 * them until they arrive, and nothing needs to move before the first frame.
 */
export { domAnimation as default } from 'motion/react'
