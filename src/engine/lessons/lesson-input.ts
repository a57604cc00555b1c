/**
 * What to simulate for a lesson: its scenario's manifest and cluster, run by its identity with its
 * verb, exactly as the app runs them when the user picks that scenario and "run as" (the command
 * line follows store/create-app-store.ts commandLine).
 */
import { DEFAULT_MANIFEST_NAME } from '../scenario/default-scenario'
import { IDENTITIES } from '../scenario/identities'
import { SCENARIOS } from '../scenario/scenarios'
import type { SimInput } from '../simulate'
import type { Lesson, LessonRunAs } from './types'

const DEFAULT_RUN_AS: Required<Omit<LessonRunAs, 'namespace'>> = { identity: 'admin', verb: 'apply' }

/** The kubectl command line the lesson runs, as a user would type it. */
export function lessonCommand(runAs: LessonRunAs | undefined): string {
  const r = { ...DEFAULT_RUN_AS, ...runAs }
  return `kubectl ${r.verb} -f ${DEFAULT_MANIFEST_NAME}${r.namespace ? ` -n ${r.namespace}` : ''}`
}

/**
 * The simulation input of a lesson. Throws when the lesson names a scenario or identity that does
 * not exist: lessons ship with the engine, so that is a bug, not a user's mistake.
 */
export function lessonInput(lesson: Lesson): SimInput {
  const scenario = SCENARIOS.find((s) => s.id === lesson.scenario.scenarioId)
  if (!scenario) throw new Error(`lesson ${lesson.id}: no scenario "${lesson.scenario.scenarioId}"`)
  const identityId = lesson.scenario.runAs?.identity ?? DEFAULT_RUN_AS.identity
  const identity = IDENTITIES.find((i) => i.id === identityId)
  if (!identity) throw new Error(`lesson ${lesson.id}: no identity "${identityId}"`)
  return {
    manifest: scenario.manifest,
    manifestName: DEFAULT_MANIFEST_NAME,
    ...(scenario.cluster ? { cluster: scenario.cluster } : {}),
    command: lessonCommand(lesson.scenario.runAs),
    kubeconfig: identity.kubeconfig,
  }
}
