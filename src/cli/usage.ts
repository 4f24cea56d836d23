export const USAGE = `Usage: parallax <command> [options]

Commands:
  analyze PATH... [--json] [--with-text]   ingest into a temporary store and print the stories
  ingest PATH|URL... [--db FILE] [--source NAME]  add reports (files, pages, feeds) to the store
  stories [--json] [--db FILE]              list stored stories
  story ID [--json] [--db FILE]             one story: articles, facts, comparison, brief
  article ID [--json] [--db FILE]           one stored article with its clean text
  extract FILE|URL [--json]                 clean text and metadata of one file or page, nothing stored
  feeds add URL [--interval 30m]            subscribe to an RSS/Atom/RDF/JSON feed
  feeds list [--json]                       subscriptions with their health
  feeds remove ID|URL                       unsubscribe (articles stay)
  poll [--all]                              read every due feed (--all: every feed) once, now
  watch                                     poll feeds as they fall due, until Ctrl-C
  alerts add|list|remove|inbox|deliver      watch a topic or a story (parallax alerts -h)
  serve [--port N] [--host H] [--watch] [--queue [--queue-wait S]]
                                            HTTP API and web app (default 127.0.0.1:8787); --queue: API ingests go to the workers' queue
  start                                     first run: ingest examples/ into the store; then serve the app
  enqueue PATH|URL... [--db STORE]          queue reports for workers (a URL is fetched by the worker; the assigner stores them in this order)
  worker [--assigner] [--until-empty] [--lease S] [--batch N]
                                            prepare queued reports; --assigner: the one elected assigner
                                            (or its standby) that groups them into stories, in queue order
  migrate-store --from sqlite:FILE --to postgres://…  copy a SQLite store into an empty PostgreSQL one

Options:
  --db STORE     store: a file, sqlite:FILE or postgres://… (default ./parallax.db, or $PARALLAX_DB)
  --json         machine-readable output
  --with-text    include each article's clean text in JSON output
  --source NAME  outlet name for inputs that do not say
  --quiet        no progress bar
  --interval T   feed poll interval: 15m, 2h, 1d; 5m to 7d (default 30m)
  --port N       port to serve on (0 picks a free one)
  --host H       address to listen on (default 127.0.0.1; elsewhere, reads need the token too)
  --watch        serve/start: also poll the subscribed feeds as they fall due
  --until-empty  worker: stop once nothing is queued
  --lease S      worker: seconds a claim (or the assigner's post on SQLite) lasts without news (60, 6)
  --batch N      worker --assigner: articles per write (default 500)
  -h, --help     this help

Web requests never reach loopback/private/metadata addresses unless listed in
$PARALLAX_FETCH_ALLOW (IPs or CIDRs, comma-separated).

Exit codes: 0 success, 1 nothing could be processed, 2 bad usage.`;

/** Bad command-line usage: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
