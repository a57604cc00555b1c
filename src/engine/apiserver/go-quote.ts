/** Go's `%q` (strconv.Quote); the implementation lives in model/go-quote.ts, shared with the kubelet. */
export { goQuote } from '../model/go-quote'
