/**
 * PrioritySort (QueueSort): upstream orders the active queue by higher spec.priority, then the
 * earlier enqueue time. Podlife schedules one new pod at a time, so no queue needs ordering and
 * the plugin is here for its name in the profile.
 * Upstream: pkg/scheduler/framework/plugins/queuesort/priority_sort.go (Less)
 */
export const PRIORITY_SORT = 'PrioritySort'
