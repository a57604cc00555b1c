/**
 * The lessons Podlife ships, in the order a class would take them. Each is data: a scenario, who
 * runs kubectl, and stops anchored to events (resolve-lesson.ts places them on a run).
 */
import { ADMISSION } from './lesson-admission'
import { ANONYMOUS } from './lesson-anonymous'
import { AUTHN_AUTHZ } from './lesson-authn-authz'
import { BIRTH_OF_A_POD } from './lesson-birth-of-a-pod'
import { CRASH_LOOP } from './lesson-crash-loop'
import { WHY_PENDING } from './lesson-pending'
import { POD_IP } from './lesson-pod-ip'
import type { Lesson } from './types'

export const LESSONS: readonly Lesson[] = [
  BIRTH_OF_A_POD,
  WHY_PENDING,
  CRASH_LOOP,
  ADMISSION,
  AUTHN_AUTHZ,
  ANONYMOUS,
  POD_IP,
]
