// Runs bench/cold-start.ts in a fresh node process and parses its JSON line.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** Spawns `cold-start.ts <url> <mode> [...args]`; resolves its result and the process's wall time. */
export function runColdChild<T>(url: string, mode: 'load' | 'serve', ...args: string[]): Promise<{ result: T; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['bin/run-ts.mjs', 'bench/cold-start.ts', url, mode, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`cold-start ${mode} child exited with ${code}`));
      resolve({ result: JSON.parse(out.trim().split('\n').pop()!) as T, wallMs });
    });
  });
}
