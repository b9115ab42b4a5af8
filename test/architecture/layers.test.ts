// The layering rules of issue 13, read from the source itself: every relative import of src/ and
// adapters/ (static, type-only, re-exports and dynamic import()) as the TypeScript compiler sees it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));

/** Folders `src/llm/` may not import: the use cases and the layers above the model client. */
const NOT_FROM_LLM = ['src/rank', 'src/qa', 'src/digest', 'src/fulltext', 'src/store', 'src/bot', 'src/commands'];

/**
 * Interfaces declared outside ports.ts (and types.ts) that another folder may import, each with
 * why it is not a port: a port (an interface a use case depends on and another folder implements)
 * belongs in src/ports.ts. A new entry here is a decision, made in review.
 */
const SHARED_NOT_PORTS: Record<string, string> = {
  App: 'what createApp builds; the CLI and serve use it',
  BotDeps: "BotCore's and the commands' dependency bag, made of ports",
  CliIo: "the CLI's own streams and environment",
  CommandInfo: 'the command table the adapters render their surface from',
  CorpusFeed: "the scheduler's corpus feed that serve starts and stops",
  DigestDeps: "prepareDigest's dependency bag, made of ports",
  DigestRun: "a digest run's stored progress record",
  LlmServices: "the LLM layer's clients the use cases' factories pick from",
  LlmSummary: 'a cached TL;DR record',
  Pacer: "the sources' request pacer that full-text fetches share",
  SourceStatus: "a source's stored fetch health",
};

/** One import of one file of ours by another, as repository-relative paths with '/'. */
interface Import {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of `file`, resolved to the .ts file it names (the code imports '.js'). */
function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles
    .map((ref) => ref.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => {
      const target = relative(ROOT, join(ROOT, dirname(file), spec)).split(sep).join('/');
      return { from: file, to: target.replace(/\.js$/u, '.ts') };
    });
}

/**
 * The node a file belongs to: `src/<folder>` for files in a folder of src/, the file itself for
 * src/'s root files (config.ts, ports.ts, …), `adapters/<name>` for an adapter.
 */
function nodeOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'adapters') return parts.slice(0, 2).join('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : file;
}

/** Strongly connected components with more than one node (Tarjan), each sorted. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of edges.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/**
 * The shortest import path from `start` back to itself inside one component, written from its
 * alphabetically first node so that every node of one loop reports it the same way.
 */
function shortestLoop(start: string, edges: Map<string, Set<string>>, members: Set<string>): string[] {
  const cameFrom = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of edges.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const loop = [node];
        while (loop[0] !== start) loop.unshift(cameFrom.get(loop[0]!)!);
        const first = loop.indexOf([...loop].sort()[0]!);
        const rotated = [...loop.slice(first), ...loop.slice(0, first)];
        return [...rotated, rotated[0]!];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}

const syntaxTrees = new Map<string, ts.SourceFile>();

/** The syntax tree of `file`, parsed once. */
function syntaxOf(file: string): ts.SourceFile {
  let tree = syntaxTrees.get(file);
  if (!tree) {
    tree = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
    syntaxTrees.set(file, tree);
  }
  return tree;
}

/** `export interface` names of `file`, read from its syntax tree. */
function exportedInterfaces(file: string): string[] {
  return syntaxOf(file).statements
    .filter(ts.isInterfaceDeclaration)
    .filter((s) => s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    .map((s) => s.name.text);
}

/** Each named import (or re-export) of `file` from another file of ours: the name and the file it comes from. */
function namedImportsOf(file: string): Array<Import & { name: string }> {
  return syntaxOf(file).statements.flatMap((s) => {
    if (!ts.isImportDeclaration(s) && !ts.isExportDeclaration(s)) return [];
    if (!s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier) || !s.moduleSpecifier.text.startsWith('.')) return [];
    const bindings = ts.isImportDeclaration(s) ? s.importClause?.namedBindings : s.exportClause;
    if (!bindings || !('elements' in bindings)) return [];
    const to = relative(ROOT, join(ROOT, dirname(file), s.moduleSpecifier.text)).split(sep).join('/').replace(/\.js$/u, '.ts');
    return bindings.elements.map((e) => ({ from: file, to, name: (e.propertyName ?? e.name).text }));
  });
}

const files = [...sourceFiles('src'), ...sourceFiles('adapters')];
const imports = files.flatMap(importsOf);
const crossing = imports.filter((i) => nodeOf(i.from) !== nodeOf(i.to));

describe('layers', () => {
  it('reads the imports it checks', () => {
    // Guards the test itself: a resolver that silently found nothing would pass every rule below.
    expect(files).toContain('src/ports.ts');
    expect(crossing, 'a type-only import').toContainEqual({ from: 'src/ports.ts', to: 'src/types.ts' });
    expect(crossing, 'an import() the CLI loads the app with').toContainEqual({ from: 'src/cli/io.ts', to: 'src/main.ts' });
    expect(crossing.some((i) => i.from.startsWith('adapters/slack/') && i.to.startsWith('src/'))).toBe(true);
  });

  it('has no cycle between folders, root files of src/ and adapters', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of crossing) {
      const from = nodeOf(i.from);
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(nodeOf(i.to));
    }
    const example = (from: string, to: string): string => {
      const i = crossing.find((c) => nodeOf(c.from) === from && nodeOf(c.to) === to)!;
      return `${i.from} imports ${i.to}`;
    };
    const report = cycles(edges).flatMap((component) => {
      const members = new Set(component);
      const loops = new Set(component.map((node) => shortestLoop(node, edges, members).join(' -> ')));
      return [...loops].map((loop) => {
        const path = loop.split(' -> ');
        const steps = path.slice(1).map((to, n) => `    ${example(path[n]!, to)}`);
        return `cycle ${loop}\n${steps.join('\n')}`;
      });
    });
    expect(report, report.join('\n')).toEqual([]);
  });

  it('keeps src/llm/ free of the use cases and the layers above it', () => {
    const offending = imports
      .filter((i) => nodeOf(i.from) === 'src/llm' && NOT_FROM_LLM.includes(nodeOf(i.to)))
      .map((i) => `${i.from} -> ${i.to}`);
    expect(offending, offending.join('\n')).toEqual([]);
  });

  it('declares every interface another folder imports in ports.ts, unless it is listed as not a port', () => {
    const declared = new Map(files.map((f) => [f, new Set(exportedInterfaces(f))]));
    const offending = files
      .flatMap(namedImportsOf)
      .filter((i) => nodeOf(i.from) !== nodeOf(i.to) && declared.get(i.to)?.has(i.name))
      .filter((i) => !['src/ports.ts', 'src/types.ts'].includes(i.to) && !(i.name in SHARED_NOT_PORTS))
      .map((i) => `${i.name} (${i.to}, imported by ${i.from})`);
    expect(offending, offending.join('\n')).toEqual([]);
  });
});
