// Preloaded with `node --import` by the start-up test: appends the name of every npm package the
// process resolves to the file named by RECORD_PACKAGES_TO, one per line. ES modules are seen as
// they resolve (the hooks); CommonJS modules that other CommonJS modules require() never pass
// those hooks, so the require cache is read too when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.RECORD_PACKAGES_TO;
register(new URL('./record-packages-hooks.mjs', import.meta.url), { data: { file } });

const requireCache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  if (!file) return;
  const names = new Set();
  for (const path of Object.keys(requireCache)) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(path);
    if (m) names.add(m[1]);
  }
  if (names.size) appendFileSync(file, [...names].map((n) => `${n}\n`).join(''));
});
