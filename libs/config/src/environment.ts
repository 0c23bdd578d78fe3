/** The process environment, or any map of variables given in its place (tests). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Every problem found in the configuration, each naming its variable, in one message. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`配置错误：${problems.join('；')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads variables for the schema (config-schema.ts) and collects what is wrong instead of stopping
 * at the first problem, so that one failed start names every variable to fix. A value that fails
 * is replaced by its default so reading can go on; `finish` then throws.
 */
export class EnvironmentReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: Environment) {}

  /** The value, or undefined when unset or empty. */
  optional(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  text(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) this.problem(`缺少 ${name}`);
    return value ?? '';
  }

  /** A required URL whose scheme is one of `protocols` (e.g. "redis:"). */
  url(name: string, protocols: readonly string[]): string {
    const value = this.required(name);
    if (value === '') return value;
    let protocol: string | undefined;
    try {
      protocol = new URL(value).protocol;
    } catch {
      protocol = undefined;
    }
    if (!protocol || !protocols.includes(protocol)) {
      this.problem(`${name} 应为 ${protocols.map((scheme) => `${scheme}//`).join(' 或 ')} 开头的地址，实际为 "${value}"`);
    }
    return value;
  }

  integer(name: string, fallback: number, minimum: number, maximum = Number.MAX_SAFE_INTEGER): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= minimum && value <= maximum) return value;
    const range = maximum === Number.MAX_SAFE_INTEGER ? `不小于 ${minimum} 的整数` : ` ${minimum}–${maximum} 的整数`;
    this.problem(`${name} 应为${range}，实际为 "${raw}"`);
    return fallback;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    this.problem(`${name} 应为 true 或 false，实际为 "${raw}"`);
    return fallback;
  }

  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    this.problem(`${name} 应为 ${values.join(' 或 ')}，实际为 "${raw}"`);
    return fallback;
  }

  /** A comma-separated list, blanks dropped. */
  list(name: string): string[] {
    return (this.optional(name) ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  }

  problem(message: string): void {
    this.problems.push(message);
  }

  /** The configuration read, unless a problem was found. */
  finish<T>(config: T): T {
    if (this.problems.length) throw new ConfigError(this.problems);
    return config;
  }
}
