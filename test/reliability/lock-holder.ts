// Another process holding a store's write lock for a while, as a second writer (a CLI ingest
// beside the server) does during its transactions.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');

const HOLDER = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
const release = () => { db.exec('COMMIT'); db.close(); process.exit(0); };
setTimeout(release, Number(process.argv[3]));
process.stdin.on('data', release);
`;

/**
 * Resolves once the child holds the write lock, which it keeps for `ms` or until `release()`;
 * `released` settles when it has let go.
 */
export async function holdWriteLock(file: string, ms: number) {
  const child = spawn(process.execPath, ['-e', HOLDER, sqlite, file, String(ms)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited ${code}`)))),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('error', reject);
  });
  const release = async () => {
    child.stdin.end('go\n');
    await released;
  };
  return { released, release };
}
