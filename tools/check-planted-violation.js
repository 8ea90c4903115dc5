// Proves the boundary rules bite: copies a planted violation into libs/, runs dependency-cruiser,
// and fails unless both planted rules (framework in domain/, cross-context import) are reported.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const source = path.join(__dirname, 'planted-violation/libs/learning/src/domain/planted.decider.ts');
const target = path.join(root, 'libs/learning/src/domain/zz-planted-violation.decider.ts');
fs.copyFileSync(source, target);
let output = '';
let rejected = false;
try {
  const text = fs.readFileSync(source, 'utf8').replace("'../../../../../../libs/partnership/src'", "'../../../partnership/src'");
  fs.writeFileSync(target, text);
  execFileSync('npx', ['depcruise', target, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
    cwd: root,
    encoding: 'utf8',
    stdio: 'pipe',
  });
} catch (error) {
  rejected = true;
  output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
} finally {
  fs.rmSync(target, { force: true });
}
const expected = ['domain-is-pure', 'no-cross-context-learning'];
const missing = expected.filter((rule) => !output.includes(rule));
if (!rejected || missing.length > 0) {
  console.error(`The planted boundary violation was not rejected as expected (missing: ${missing.join(', ') || 'none'}).\n${output}`);
  process.exit(1);
}
console.log(`planted violation rejected by: ${expected.join(', ')}`);
