/**
 * The Volumes section of `kubectl describe pod`, for the volume sources a pod
 * in this simulator can carry. Upstream: kubernetes/kubectl
 * pkg/describe/describe.go (describeVolumes and the print*VolumeSource
 * functions) at v0.34. Other sources print `<unknown>`, as kubectl does for a
 * source it does not know.
 */
import { asArr, asBool, asNum, asObj, asStr, type Obj, type PrefixWriter } from './prefix-writer'

export function describeVolumes(volumes: readonly unknown[], w: PrefixWriter): void {
  if (volumes.length === 0) {
    w.write(0, 'Volumes:\t<none>\n')
    return
  }
  w.write(0, 'Volumes:\n')
  for (const raw of volumes) {
    const volume = asObj(raw) ?? {}
    w.write(1, `${asStr(volume['name'])}:\n`)
    describeSource(volume, w)
  }
}

function describeSource(volume: Obj, w: PrefixWriter): void {
  const hostPath = asObj(volume['hostPath'])
  const emptyDir = asObj(volume['emptyDir'])
  const secret = asObj(volume['secret'])
  const configMap = asObj(volume['configMap'])
  const claim = asObj(volume['persistentVolumeClaim'])
  const downwardAPI = asObj(volume['downwardAPI'])
  const projected = asObj(volume['projected'])
  const csi = asObj(volume['csi'])
  const image = asObj(volume['image'])
  // The same order as describeVolumes' switch.
  if (hostPath) {
    w.write(
      2,
      'Type:\tHostPath (bare host directory volume)\n' +
        `    Path:\t${asStr(hostPath['path'])}\n` +
        `    HostPathType:\t${asStr(hostPath['type']) || '<none>'}\n`,
    )
  } else if (emptyDir) {
    const sizeLimit = asStr(emptyDir['sizeLimit'])
    w.write(
      2,
      "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n" +
        `    Medium:\t${asStr(emptyDir['medium'])}\n` +
        `    SizeLimit:\t${sizeLimit !== '' && !/^0+[a-zA-Z]*$/.test(sizeLimit) ? sizeLimit : '<unset>'}\n`,
    )
  } else if (secret) {
    w.write(
      2,
      'Type:\tSecret (a volume populated by a Secret)\n' +
        `    SecretName:\t${asStr(secret['secretName'])}\n` +
        `    Optional:\t${asBool(secret['optional'])}\n`,
    )
  } else if (configMap) {
    w.write(
      2,
      'Type:\tConfigMap (a volume populated by a ConfigMap)\n' +
        `    Name:\t${asStr(configMap['name'])}\n` +
        `    Optional:\t${asBool(configMap['optional'])}\n`,
    )
  } else if (claim) {
    w.write(
      2,
      'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
        `    ClaimName:\t${asStr(claim['claimName'])}\n` +
        `    ReadOnly:\t${asBool(claim['readOnly'])}\n`,
    )
  } else if (downwardAPI) {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
    describeDownwardItems(asArr(downwardAPI['items']), w)
  } else if (projected) {
    describeProjected(projected, w)
  } else if (csi) {
    w.write(
      2,
      'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n' +
        `    Driver:\t${asStr(csi['driver'])}\n` +
        `    FSType:\t${asStr(csi['fsType'])}\n` +
        `    ReadOnly:\t${asBool(csi['readOnly'])}\n`,
    )
    describeVolumeAttributes(asObj(csi['volumeAttributes']), w)
  } else if (image) {
    w.write(
      2,
      'Type:\tImage (a container image or OCI artifact)\n' +
        `    Reference:\t${asStr(image['reference'])}\n` +
        `    PullPolicy:\t${asStr(image['pullPolicy'])}\n`,
    )
  } else {
    w.write(1, '<unknown>\n')
  }
}

function describeDownwardItems(items: readonly unknown[], w: PrefixWriter): void {
  for (const raw of items) {
    const item = asObj(raw) ?? {}
    const fieldRef = asObj(item['fieldRef'])
    const resourceFieldRef = asObj(item['resourceFieldRef'])
    if (fieldRef) w.write(3, `${asStr(fieldRef['fieldPath'])} -> ${asStr(item['path'])}\n`)
    if (resourceFieldRef) w.write(3, `${asStr(resourceFieldRef['resource'])} -> ${asStr(item['path'])}\n`)
  }
}

/** printProjectedVolumeSource: the kube-api-access-xxxxx volume every pod gets. */
function describeProjected(projected: Obj, w: PrefixWriter): void {
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
  for (const raw of asArr(projected['sources'])) {
    const source = asObj(raw) ?? {}
    const secret = asObj(source['secret'])
    const downwardAPI = asObj(source['downwardAPI'])
    const configMap = asObj(source['configMap'])
    const token = asObj(source['serviceAccountToken'])
    if (secret) {
      w.write(2, `SecretName:\t${asStr(secret['name'])}\n    Optional:\t${asBool(secret['optional'])}\n`)
    } else if (downwardAPI) {
      w.write(2, 'DownwardAPI:\ttrue\n')
    } else if (configMap) {
      w.write(
        2,
        `ConfigMapName:\t${asStr(configMap['name'])}\n    Optional:\t${asBool(configMap['optional'])}\n`,
      )
    } else if (token) {
      w.write(2, `TokenExpirationSeconds:\t${asNum(token['expirationSeconds'], 3600)}\n`)
    }
  }
}

/**
 * printCSIPersistentVolumeAttributesMultiline, for the pod's inline CSI
 * volumes. Every write there carries the level-2 indent again, so each line
 * after the first starts with eight spaces and a tab, and every value with four
 * spaces; lines over 140 characters are cut with "...".
 */
function describeVolumeAttributes(attributes: Obj | undefined, w: PrefixWriter): void {
  const keys = Object.keys(attributes ?? {}).sort()
  w.write(2, 'VolumeAttributes:\t')
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i > 0) {
      w.write(2, '')
      w.write(2, '\t')
    }
    const line = `${key}=${asStr(attributes![key])}`
    w.write(2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`)
  })
}
