/** Types of lockfile-engines.mjs for the TypeScript test that checks the lockfile. */
export declare const INSTALLING_NODE: string;
export declare function bundledNode(pkg: { optionalDependencies?: Record<string, string> }): string;
export declare function engineFindings(
  lock: { packages?: Record<string, { engines?: { node?: string } }> },
  runtime: string,
): { drop: string[]; incompatible: string[] };
