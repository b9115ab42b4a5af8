// Preloaded with `node --import` by the start-up test: appends the name of every npm package the
// process resolves to the file named by RECORD_PACKAGES_TO, one per line.
import { register } from 'node:module';

register(new URL('./record-packages-hooks.mjs', import.meta.url), { data: { file: process.env.RECORD_PACKAGES_TO } });
