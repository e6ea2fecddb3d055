// Validates every Kubernetes object of the YAML on standard input against the Kubernetes API
// schemas (npm's kubernetes-models) and the operators' custom resources against theirs: prints one line per invalid object and a summary, and exits 1
// when any object is invalid or of a kind the package has no schema for.
//   kubectl kustomize deploy/k8s/base | node deploy/validate/validate.mjs
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

// the operators' custom resources come from their own packages; everything else is Kubernetes'
const PACKAGES = {
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};
// no package publishes these schemas: platform/launcher's KafkaTopicsTest checks their required fields
const UNCHECKED = ['kafka.strimzi.io'];
let count = 0;
let unchecked = 0;
let failures = 0;
for (const object of yaml.loadAll(readFileSync(0, 'utf8'))) {
  if (!object) continue;
  count++;
  const name = `${object.kind} ${object.metadata?.name ?? '(no name)'}`;
  if (UNCHECKED.includes(object.apiVersion.split('/')[0])) {
    unchecked++;
    continue;
  }
  let Model;
  try {
    // core objects are "v1", the others "<group>/<version>": the packages' folders are the same
    const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
    Model = (await import(`${PACKAGES[group] ?? 'kubernetes-models'}/${object.apiVersion}/${object.kind}`))[object.kind];
  } catch {
    console.error(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
    failures++;
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    console.error(`${name}: ${error.message}`);
    failures++;
  }
}
console.log(`${count} objects, ${failures} invalid` + (unchecked ? `, ${unchecked} without a schema to check (${UNCHECKED.join(', ')})` : ''));
process.exit(failures > 0 || count === 0 ? 1 : 0);
