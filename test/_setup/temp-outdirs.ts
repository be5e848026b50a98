// cdk8s's Testing.app() makes a new temp folder for every app (`cdk8s.outdir.*`) and never
// removes it: a run of this suite left about 1,800 of them behind, so a developer's temp
// folder filled up run after run. Here each test file removes the folders its apps were given.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdk8s';

const made: string[] = [];
const app = Testing.app.bind(Testing);
Testing.app = (props) => {
  const created = app(props);
  // Only the folders Testing.app made itself: an outdir a test passes in is the test's own.
  if (props?.outdir === undefined && path.dirname(created.outdir) === os.tmpdir()) made.push(created.outdir);
  return created;
};

afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
