import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

test('the TypeScript types compile against ask-sdk-core and ask-sdk-model as a skill uses them', async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const project = fileURLToPath(new URL('./types/tsconfig.json', import.meta.url));

  const result = await new Promise((resolve) =>
    execFile(process.execPath, [tsc, '-p', project], (error, stdout, stderr) => resolve({ code: error?.code ?? 0, output: stdout + stderr })),
  );

  assert.equal(result.code, 0, result.output);
});
