// Validates rendered Kubernetes manifests (a multi-document YAML file per argument) against the Kubernetes API's JSON
// schemas, as compiled into the `kubernetes-models` npm package (one validator per apiVersion/kind), plus a few checks of
// our own. Usage: node validate-manifests.mjs NODE_MODULES_DIR FILE...; exits 1 on any invalid document.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [modules, ...files] = process.argv.slice(2);
const yaml = (await import(pathToFileURL(join(modules, "js-yaml", "index.js")).href)).default;

// Custom resources whose CRDs are not part of the core API schemas: skipped, by name.
const skipped = new Set([
  "monitoring.coreos.com/v1/ServiceMonitor", // Prometheus Operator CRD (metrics.serviceMonitor.enabled)
]);

let failures = 0;
let checked = 0;
for (const file of files) {
  const documents = yaml.loadAll(readFileSync(file, "utf8")).filter((d) => d);
  for (const document of documents) {
    const { apiVersion, kind } = document;
    const name = `${kind}/${document.metadata?.name}`;
    const key = `${apiVersion}/${kind}`;
    if (skipped.has(key)) {
      console.log(`  skip  ${file}: ${name} (${key}: custom resource, no core schema)`);
      continue;
    }
    // apiVersion "v1" lives in kubernetes-models/v1, "apps/v1" in kubernetes-models/apps/v1.
    const module = join(modules, "kubernetes-models", ...apiVersion.split("/"), `${kind}.js`);
    let Model;
    try {
      Model = (await import(pathToFileURL(module).href))[kind];
    } catch {
      console.log(`  FAIL  ${file}: ${name}: no schema for ${key}`);
      failures++;
      continue;
    }
    const problems = [];
    try {
      new Model(document).validate();
    } catch (error) {
      problems.push(error.message);
    }
    problems.push(...ownChecks(document));
    checked++;
    if (problems.length > 0) {
      failures++;
      console.log(`  FAIL  ${file}: ${name} (${key})\n        ${problems.join("\n        ")}`);
    } else {
      console.log(`  ok    ${file}: ${name} (${key})`);
    }
  }
}
console.log(`${checked} documents validated, ${failures} invalid`);
process.exit(failures === 0 ? 0 : 1);

// Checks the schemas cannot express: unique env names per container, JSON dashboards, Orleans labels on silo pods.
function ownChecks(document) {
  const problems = [];
  const pod = document.spec?.template?.spec;
  for (const container of pod?.containers ?? []) {
    const seen = new Set();
    for (const variable of container.env ?? []) {
      if (seen.has(variable.name)) {
        problems.push(`container ${container.name}: env ${variable.name} set twice`);
      }
      seen.add(variable.name);
    }
    const names = [...seen];
    if (names.includes("ORLEANS_SERVICE_ID")) {
      const labels = document.spec.template.metadata?.labels ?? {};
      for (const label of ["orleans/serviceId", "orleans/clusterId"]) {
        if (!labels[label]) {
          problems.push(`silo pod template lacks the ${label} label that Orleans Kubernetes hosting reads`);
        }
      }
    }
  }
  if (document.kind === "ConfigMap") {
    for (const [key, value] of Object.entries(document.data ?? {})) {
      if (key.endsWith(".json")) {
        try {
          JSON.parse(value);
        } catch (error) {
          problems.push(`${key}: not JSON (${error.message})`);
        }
      }
    }
  }
  return problems;
}
