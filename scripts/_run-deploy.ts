import { simulate } from '../src/engine/index'
import { readFileSync } from 'node:fs'
const t = simulate({ manifest: readFileSync(process.argv[2] ?? '/tmp/deploy.yaml', 'utf8') }, { seed: 1, until: Number(process.argv[3] ?? 60000) })
for (const e of t.events) if (!['runtime.step'].includes(e.kind)) console.log(e.at.toFixed(1), e.component, e.kind, e.summary.slice(0, 150))
console.log(JSON.stringify(t.outcome), t.events.length)
