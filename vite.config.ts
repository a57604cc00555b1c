/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The built page's Content-Security-Policy: only its own origin for scripts, workers and connections,
 * and no eval, so nothing a manifest holds can ever run as code. Styles allow inline ones: Monaco and
 * React Flow set element styles at run time. A meta tag, since the app is served as static files;
 * added to the build only (the dev server's hot reload injects an inline script).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'podlife-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  }
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    // monaco-editor 0.56+ maps "./*" to "./esm/vs/*.js"; monaco-yaml's worker still imports the old deep path.
    alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' }],
  },
  build: {
    // dist/.vite/manifest.json: the bench reads which chunks the app's first render needs.
    manifest: true,
    chunkSizeWarningLimit: 5000,
    target: 'es2022',
  },
  worker: { format: 'es' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
})
