export const USAGE = `Usage: parallax <command> [options]

Commands:
  analyze PATH... [--json] [--with-text]   ingest into a temporary store and print the stories
  ingest PATH... [--db FILE] [--source NAME]  add reports to the store
  stories [--json] [--db FILE]              list stored stories
  story ID [--json] [--db FILE]             one story: articles, facts, comparison, brief
  article ID [--json] [--db FILE]           one stored article with its clean text
  extract FILE [--json]                     clean text and metadata of one file, nothing stored
  start                                     ingest examples/ into the store and print the stories

Options:
  --db FILE      store file (default ./parallax.db, or $PARALLAX_DB)
  --json         machine-readable output
  --with-text    include each article's clean text in JSON output
  --source NAME  outlet name for inputs that do not say
  --quiet        no progress bar
  -h, --help     this help

Exit codes: 0 success, 1 nothing could be processed, 2 bad usage.`;

/** Bad command-line usage: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
