/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  resolve: {
    // monaco-editor 0.56+ maps "./*" to "./esm/vs/*.js"; monaco-yaml's worker still imports the old deep path.
    alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' }],
  },
  build: {
    chunkSizeWarningLimit: 5000,
    target: 'es2022',
  },
  worker: { format: 'es' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
})
