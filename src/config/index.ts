// Every setting with its default, validated once at the edge and passed in (never read globally).

export interface Config {
  /** SQLite file of the embedded store. */
  db: string;
  /** Largest single file intake reads (bytes); JSONL is streamed and limited per line instead. */
  maxFileBytes: number;
  /** Largest JSONL line (bytes). */
  maxLineBytes: number;
  /** Articles written per store transaction. */
  writeBatch: number;
}

export const defaultConfig = {
  db: './parallax.db',
  maxFileBytes: 20 * 1024 * 1024,
  maxLineBytes: 10 * 1024 * 1024,
  writeBatch: 500,
} satisfies Config;

/** Builds the config from defaults, environment and explicit options; throws listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<Config> = {}): Config {
  const cfg: Config = {
    ...defaultConfig,
    ...(env.PARALLAX_DB ? { db: env.PARALLAX_DB } : {}),
    ...(env.PARALLAX_MAX_FILE_BYTES ? { maxFileBytes: Number(env.PARALLAX_MAX_FILE_BYTES) } : {}),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
  const problems: string[] = [];
  if (!cfg.db) problems.push('db: must be a file path');
  for (const key of ['maxFileBytes', 'maxLineBytes', 'writeBatch'] as const) {
    if (!Number.isInteger(cfg[key]) || cfg[key] <= 0) problems.push(`${key}: must be a positive integer, got ${cfg[key]}`);
  }
  if (problems.length) throw new Error(`config: ${problems.join('; ')}`);
  return cfg;
}
