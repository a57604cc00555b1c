/** Exit reasons containerd reports (internal/cri/server/container_status.go, events.go). */
export const REASON_COMPLETED = 'Completed'
export const REASON_ERROR = 'Error'
export const REASON_OOM_KILLED = 'OOMKilled'
export const REASON_START_ERROR = 'StartError'
