// What a notification says: the webhook's JSON body and its signature, an e-mail's text. Pure.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AlertEvent, Watch } from '../../model/index.ts';

/** The webhook body: the notification id (the idempotency key) and its events. */
export function webhookBody(notificationId: string, watch: Watch, events: AlertEvent[]): string {
  return JSON.stringify({
    id: notificationId,
    watch: { id: watch.id, name: watch.name },
    story: events[0]?.storyId ?? null,
    events: events.map((e) => ({ id: e.id, kind: e.kind, story: e.storyId, summary: e.summary, detail: e.detail, evidence: e.evidence, created_at: e.createdAt })),
  });
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as the Parallax-Signature header carries it. */
export function signature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** A receiver's check: the signature matches and is at most `toleranceS` old (replays refused). */
export function verifySignature(secret: string, header: string, body: string, nowS: number, toleranceS = 300): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m || Math.abs(nowS - Number(m[1])) > toleranceS) return false;
  const want = Buffer.from(signature(secret, Number(m[1]), body).split('v1=')[1], 'hex');
  return timingSafeEqual(want, Buffer.from(m[2], 'hex'));
}

/** An e-mail for one or more notifications (a digest has several). */
export function emailText(watch: Watch, events: AlertEvent[], storyUrl: (storyId: string) => string): { subject: string; text: string } {
  const stories = new Set(events.map((e) => e.storyId));
  const subject =
    events.length === 1 ? `[Parallax] ${watch.name}: ${events[0].summary}` : `[Parallax] ${watch.name}: ${events.length} changes in ${stories.size} stor${stories.size === 1 ? 'y' : 'ies'}`;
  const lines: string[] = [];
  for (const story of stories) {
    lines.push(storyUrl(story));
    for (const e of events.filter((e) => e.storyId === story)) lines.push(`  - ${e.summary}`);
    lines.push('');
  }
  lines.push(`Event ids: ${events.map((e) => e.id).join(', ')}`);
  return { subject: subject.slice(0, 200), text: lines.join('\n') };
}
