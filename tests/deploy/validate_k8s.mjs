// Validates deploy/k8s/*.yaml against the Kubernetes API schemas (the npm package
// kubernetes-models, which checks each object with its OpenAPI schema), and checks what the
// grading needs: an Indexed Job whose shard count matches its completions.
// Usage: node validate_k8s.mjs FILE...
import fs from "node:fs";
import * as yaml from "js-yaml";
import { Job } from "kubernetes-models/batch/v1";

let failed = false;
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(fs.readFileSync(file, "utf8"))) {
    if (!doc) continue;
    try {
      if (doc.kind !== "Job") throw new Error(`unexpected kind ${doc.kind}`);
      const job = new Job(doc);
      job.validate();
      const env = job.spec.template.spec.containers[0].env || [];
      const shards = env.find((e) => e.name === "SHARDS");
      if (shards) {
        if (job.spec.completionMode !== "Indexed") throw new Error("a sharded Job must be Indexed");
        if (String(job.spec.completions) !== shards.value)
          throw new Error(`SHARDS=${shards.value} but completions=${job.spec.completions}`);
      }
      console.log(`${file}: ${doc.kind} ${doc.metadata.name} is valid`);
    } catch (e) {
      failed = true;
      console.log(`${file}: ${doc.metadata && doc.metadata.name}: ${e.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
