// robots.txt (RFC 9309): the group for our product token (else "*"), the longest matching rule
// wins and Allow wins a tie, `*` and `$` patterns, plus the common Crawl-delay extension.

export interface RobotsRules {
  rules: { allow: boolean; pattern: string; re: RegExp }[];
  crawlDelayMs: number;
}

export const ALLOW_ALL: RobotsRules = { rules: [], crawlDelayMs: 0 };
export const DISALLOW_ALL: RobotsRules = {
  rules: [{ allow: false, pattern: '/', re: /^\// }],
  crawlDelayMs: 0,
};

const toRegExp = (pattern: string): RegExp => {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
};

/** The rules robots.txt gives the crawler whose product token is `agent` (e.g. "parallax"). */
export function parseRobots(text: string, agent: string): RobotsRules {
  type Group = { agents: string[]; lines: [string, string][] };
  const groups: Group[] = [];
  let current: Group | null = null;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^([a-z-]+)\s*:\s*(.*)$/i.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'user-agent') {
      if (!current || current.lines.length) groups.push((current = { agents: [], lines: [] }));
      current.agents.push(value.toLowerCase());
    } else if (current) current.lines.push([key, value]);
  }
  const token = agent.toLowerCase();
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  const out: RobotsRules = { rules: [], crawlDelayMs: 0 };
  for (const [key, value] of chosen.flatMap((g) => g.lines)) {
    if ((key === 'allow' || key === 'disallow') && value)
      out.rules.push({ allow: key === 'allow', pattern: value, re: toRegExp(value) });
    if (key === 'crawl-delay' && Number.isFinite(Number(value)))
      out.crawlDelayMs = Math.max(out.crawlDelayMs, Number(value) * 1000);
  }
  return out;
}

/** Whether the rules let us fetch this path (with its query string). */
export function robotsAllows(rules: RobotsRules, pathAndQuery: string): boolean {
  let best: { allow: boolean; length: number } | null = null;
  for (const r of rules.rules) {
    if (!r.re.test(pathAndQuery)) continue;
    const length = r.pattern.length;
    if (!best || length > best.length || (length === best.length && r.allow))
      best = { allow: r.allow, length };
  }
  return best?.allow ?? true;
}
