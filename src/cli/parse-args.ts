/** Splits argv into --flags (with values, or true) and positional arguments. */
export function parseArgs(argv: readonly string[], booleans: readonly string[] = []): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) flags[key] = inline;
      else if (booleans.includes(key) || i + 1 >= argv.length || argv[i + 1]!.startsWith('--')) flags[key] = true;
      else flags[key] = argv[++i]!;
    } else positional.push(arg);
  }
  return { flags, positional };
}

/** A flag's string value, or the fallback. */
export function flag(flags: Record<string, string | true>, name: string, fallback?: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : fallback;
}
