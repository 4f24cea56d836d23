// A progress bar on stderr when it is a terminal; silent otherwise (pipes, CI, --quiet).
import type { Progress } from '../pipeline/run.ts';

export function progressBar(stream: NodeJS.WriteStream, enabled: boolean): ((p: Progress) => void) | undefined {
  if (!enabled || !stream.isTTY) return undefined;
  let last = 0;
  return ({ done, total, current }) => {
    const now = Date.now();
    if (done < total && now - last < 80) return;
    last = now;
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const name = current.length > 40 ? `…${current.slice(-39)}` : current;
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`.padEnd(100));
    if (done >= total) stream.write('\r' + ' '.repeat(100) + '\r');
  };
}
