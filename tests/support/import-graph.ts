/**
 * The repository's import graph as the code spells it: every `import`/`export … from` of a source file, resolved
 * through the package's `#functions/*` and `#src/*` aliases and relative paths to a repository path, or kept as a
 * package name. Type-only imports are marked: they vanish from what runs, but they still tie the layers together.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface ImportEdge {
  /** Repository path of the importing file. */
  from: string;
  /** As written. */
  specifier: string;
  /** Repository path of the imported file, or the package specifier as written (`zod/mini`). */
  to: string;
  package: boolean;
  typeOnly: boolean;
}

const root = resolve('.');
const aliases: Record<string, string> = {
  '#functions/': 'functions/',
  '#src/': 'src/',
  '#astro.config.mjs': 'astro.config.mjs',
};
const sourceFile = /\.(ts|tsx|mjs|astro)$/;
const importPattern = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Every source file below the folders, as repository paths. */
export function sourceFilesIn(...folders: string[]): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (sourceFile.test(name)) found.push(relative(root, path));
    }
  };
  for (const folder of folders) walk(resolve(folder));
  return found.sort();
}

function resolvePath(from: string, specifier: string): string | undefined {
  const alias = Object.keys(aliases).find((prefix) => specifier.startsWith(prefix));
  if (alias) return `${aliases[alias]}${specifier.slice(alias.length)}`;
  if (specifier.startsWith('.')) return relative(root, resolve(dirname(resolve(from)), specifier));
  return undefined;
}

/** The file's imports; a path that names no file is an error, so that no edge can hide (write the extension). */
export function importsOf(file: string): ImportEdge[] {
  const source = readFileSync(resolve(file), 'utf8');
  return [...source.matchAll(importPattern)].map((match) => {
    const specifier = match[3] ?? '';
    const typeOnly = Boolean(match[2]);
    const path = resolvePath(file, specifier);
    if (path === undefined) return { from: file, specifier, to: specifier, package: true, typeOnly };
    if (!existsSync(resolve(path)) || !statSync(resolve(path)).isFile()) {
      throw new Error(`${file} imports ${specifier}, which is not a file: imports name files with their extension`);
    }
    return { from: file, specifier, to: path, package: false, typeOnly };
  });
}

/** Every file reachable from the entries by imports that run (not type-only), and the packages they load. */
export function runtimeClosure(entries: readonly string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const edge of importsOf(file)) {
      if (edge.typeOnly) continue;
      if (edge.package) packages.add(edge.to);
      else visit(edge.to);
    }
  };
  for (const entry of entries) visit(entry);
  return { files, packages };
}
