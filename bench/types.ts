// The shapes every benchmark section shares. Sections print figures; they never assert.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Paper } from '../src/types.js';

/** One measured number, with the target it is compared against when there is one. */
export interface Figure {
  label: string;
  value: number | string;
  unit?: string;
  /** The figure meets its target when value ≤ max. */
  target?: { max: number };
  note?: string;
}

/** What every section gets: the corpus, a scratch folder, and a place to hand things on. */
export interface BenchContext {
  /** The synthetic corpus (BENCH_PAPERS papers, default 100,000). */
  papers: Paper[];
  /** A temporary folder removed after the run. */
  tmpDir: string;
  /** Results one section leaves for a later one (e.g. the SQLite URL, a built index). */
  state: Map<string, unknown>;
  /** A progress line on stderr. */
  progress(message: string): void;
}

/** A named group of measurements. Append new sections to the list in bench/run.ts. */
export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Imports a module another helper may not have written yet. `fromRoot` is relative to the
 * repository root with a .js extension (e.g. "src/search/paper-index.js"); undefined when its
 * .ts source does not exist. Errors inside an existing module still throw.
 */
export async function optionalImport<T>(fromRoot: string): Promise<T | undefined> {
  const url = new URL(`../${fromRoot}`, import.meta.url);
  if (!existsSync(fileURLToPath(url).replace(/\.js$/, '.ts'))) return undefined;
  return (await import(url.href)) as T;
}

/**
 * A section defined in a module that may not load yet (its imports still being written): loads
 * `exportName` from `fromRoot` (repository-relative, .js extension) at run time, and reports the
 * section as skipped instead of crashing the bench when the module cannot load.
 */
export function lazySection(name: string, fromRoot: string, exportName: string): BenchSection {
  return {
    name,
    async run(ctx) {
      let section: BenchSection | undefined;
      try {
        const mod = await optionalImport<Record<string, BenchSection>>(fromRoot);
        section = mod?.[exportName];
      } catch (err) {
        return [{ label: name, value: 'skipped', note: `cannot load ${fromRoot}: ${(err as Error).message.split('\n')[0]}` }];
      }
      if (!section) return [{ label: name, value: 'skipped', note: `${fromRoot} has no ${exportName}` }];
      return section.run(ctx);
    },
  };
}
