// Writes the engine's copy of the Pod schema: field names and types only.
// The full schema (with descriptions for hover docs) stays with the lazily loaded editor.
// Usage: node scripts/strip-schema.mjs
import { readFileSync, writeFileSync } from 'node:fs'

const full = JSON.parse(readFileSync('src/ui/editor/pod.schema.json', 'utf8'))
const strip = (o) =>
  Array.isArray(o)
    ? o.map(strip)
    : o && typeof o === 'object'
      ? Object.fromEntries(
          Object.entries(o)
            .filter(([k]) => k !== 'description' && k !== '$schema')
            .map(([k, v]) => [k, strip(v)]),
        )
      : o
writeFileSync('src/engine/model/pod-fields.schema.json', JSON.stringify(strip(full)) + '\n')
