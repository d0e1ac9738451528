import { Minimatch } from 'minimatch';

/**
 * Why an include or exclude glob could never match what its author meant, or
 * undefined when it is usable. Minimatch accepts almost any string, so these
 * are the mistakes that would otherwise silently match nothing.
 */
export function globProblem(glob: string): string | undefined {
  if (/^([A-Za-z]:)?[\\/]/.test(glob)) return 'is an absolute path; globs match paths relative to the folder, e.g. "src/**"';
  if (glob.startsWith('#')) return 'starts with #, which makes it a comment that matches nothing; write [#] for a literal #';
  // In a glob `\` escapes the next character; unless that is a bracket or pattern sign, it is a Windows separator.
  if (/\\(?![[\]{}()!?+@#])/.test(glob)) return `uses \\ between folders; write / instead: "${glob.replace(/\\/g, '/')}"`;
  try {
    if (new Minimatch(glob).makeRe() === false) return 'matches nothing';
  } catch (error) {
    return `is not a usable glob: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}
