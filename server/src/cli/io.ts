// Argument parsing and I/O plumbing shared by CLI commands.
export interface CliIO {
  stdout(text: string): void;
  stderr(line: string): void;
}

export class UsageError extends Error {}

export type OptionKind = 'string' | 'number' | 'list' | 'flag';

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | number | string[] | boolean>;
}

/** `--name value`, `--name=value`, `--flag`; lists are comma-separated and may repeat. */
export function parseArgs(args: string[], spec: Record<string, OptionKind>): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--') {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'flag') {
      out.options[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (kind === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new UsageError(`--${name} expects a number, got '${value}'`);
      out.options[name] = n;
    } else if (kind === 'list') {
      const previous = (out.options[name] as string[] | undefined) ?? [];
      out.options[name] = [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
    } else {
      out.options[name] = value;
    }
  }
  return out;
}
