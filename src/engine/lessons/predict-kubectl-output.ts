/**
 * "What will kubectl print?" The answer is kubectl's real output in this run. The other choices are
 * what the same command prints in the other cases kubectl has: the object created, configured or
 * unchanged (apply), already there (create), refused by authorization, or not logged in, each built
 * from this run's own request with the engine's kubectl and apiserver message functions.
 * Upstream: kubectl pkg/cmd/apply/apply.go, pkg/cmd/create/create.go, cli-runtime printers
 * (name printer: `<resource>/<name> <operation>`), pkg/cmd/util/helpers.go (checkErr).
 */
import { forbiddenMessage } from '../apiserver/authz/chain'
import { requestInfo } from '../apiserver/routes'
import { alreadyExists, failure, unauthorized } from '../apiserver/status'
import { kubectlError } from '../kubectl/output'
import { CORE_RESOURCES } from '../model/core-resources'
import { DEFAULT_MANIFEST_NAME } from '../scenario/default-scenario'
import { frameAt } from '../sim/cursor'
import type { SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import type { KubectlOutput } from '../protocol/world'
import { byteOrder, choiceList } from './choice-list'
import { isServerSideApply, kubectlExchanges, writeExchange, type KubectlExchange } from './kubectl-exchanges'
import type { PredictionResult } from './types'

/** What kubectl printed, as the learner reads it: stdout when it succeeded, stderr when it failed. */
export function printedText(out: KubectlOutput): string {
  return (out.exitCode === 0 ? out.stdout : out.stderr).trimEnd()
}

/** `file`: the manifest's name as kubectl names it in messages (the request does not carry it). */
export function predictKubectlOutput(
  t: Timeline,
  at: number,
  file = DEFAULT_MANIFEST_NAME,
): PredictionResult {
  if (frameAt(t, { index: at }).kubectl) return { ok: false, error: 'kubectl has already printed its output' }
  const index = t.events.findIndex((e, i) => i > at && e.kind === 'kubectl.output')
  const output = t.events[index]
  if (output?.kind !== 'kubectl.output')
    return { ok: false, error: 'kubectl prints nothing after this point' }
  const parsed = t.events.find((e) => e.kind === 'kubectl.parse')
  if (parsed?.kind === 'kubectl.parse' && parsed.payload.objects.length > 1)
    return { ok: false, error: 'kubectl prints a line per object; the question is about a one-object file' }
  const answer = printedText(output.payload)
  const exchanges = kubectlExchanges(t.events)
  const others = [...verbLines(t.events, exchanges, file), ...refusals(exchanges, file)]
  return {
    ok: true,
    prediction: {
      kind: 'kubectl-output',
      question: 'What will kubectl print when it is done?',
      choices: choiceList([...others, answer].sort(byteOrder), answer),
      answer,
      explanation: explain(output.payload, exchanges),
      revealIndex: index,
    },
  }
}

/** `pod/nginx created` and its siblings: the name printer's line for each operation of the verb. */
function verbLines(
  events: readonly SimEvent[],
  exchanges: readonly KubectlExchange[],
  file: string,
): string[] {
  const parsed = events.find((e) => e.kind === 'kubectl.parse')
  const object = parsed?.kind === 'kubectl.parse' ? parsed.payload.objects[0] : undefined
  // Without an object request (validation failed first) the OpenAPI requests still name the command.
  const request =
    exchanges[0]?.request ??
    events.flatMap((e) => (e.kind === 'http.request' && e.payload.from === 'kubectl' ? [e.payload] : []))[0]
  if (!object || !request) return []
  const [kind = 'Pod', name = ''] = object.split('/')
  const line = (operation: string) => `${kind.toLowerCase()}/${name} ${operation}`
  if (isServerSideApply(request)) return [line('serverside-applied')]
  if (request.headers['Kubectl-Command'] === 'kubectl create') {
    const context = `error when creating "${file}"`
    return [
      line('created'),
      kubectlError(alreadyExists(CORE_RESOURCES[kind]?.resource ?? 'pods', name), context).trimEnd(),
    ]
  }
  return [line('created'), line('configured'), line('unchanged')]
}

/** The write refused by authorization, and sent without being logged in, as kubectl prints them. */
function refusals(exchanges: readonly KubectlExchange[], file: string): string[] {
  const write = writeExchange(exchanges)
  if (!write?.response) return []
  // Client-side apply's PATCH failure carries the whole patch as context; it is not offered.
  const context = isServerSideApply(write.request)
    ? ''
    : write.request.method === 'POST'
      ? `error when creating "${file}"`
      : null
  if (context === null) return []
  const out = [kubectlError(unauthorized(), context).trimEnd()]
  const user = write.response.authn.user
  if (user) {
    const message = forbiddenMessage({ user, ...requestInfo(write.request) })
    out.push(kubectlError(failure(403, 'Forbidden', message), context).trimEnd())
  }
  return out
}

function explain(out: KubectlOutput, exchanges: readonly KubectlExchange[]): string {
  const last = [...exchanges].reverse().find((x) => x.response)
  const answered = last?.response
    ? `The apiserver answered ${last.request.method} ${last.request.path} with ${last.response.code}`
    : 'kubectl sent nothing the apiserver answered'
  return out.exitCode === 0
    ? `${answered}, so kubectl printed what it did to the object and exited 0. It says nothing about scheduling or containers: those happen later, inside the cluster.`
    : `${answered}, so kubectl printed the apiserver's Status message, prefixed with what it was doing, and exited ${out.exitCode} (kubectl pkg/cmd/util/helpers.go checkErr).`
}
