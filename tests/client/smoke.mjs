// Generates a TypeScript client from openapi.yaml (openapi-typescript), compiles the portal scenario
// in smoke.ts against it (tsc, strict), and runs it with openapi-fetch against a running dialogd.
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startService } from '../api/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

execFileSync(bin('openapi-typescript'), [join(root, 'openapi', 'openapi.yaml'), '-o', join(here, 'dialogd.d.ts'), '--default-non-nullable', 'false'], { stdio: 'inherit' });
execFileSync(bin('tsc'), ['-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });

const svc = await startService();
try {
  execFileSync('node', [join(root, 'tests', 'generated', 'client', 'smoke.js')], {
    stdio: 'inherit',
    env: { ...process.env, DIALOGD_URL: svc.base, EDITOR_KEY: svc.keys.editor, PORTAL_KEY: svc.keys.portal },
  });
} finally {
  await svc.close();
}
