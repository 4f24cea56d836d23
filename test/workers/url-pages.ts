// Loopback pages for the URL intake tests: made-up articles, one per path, that extraction keeps.
import type { ServerResponse } from 'node:http';

const towns = ['Tromsø', 'Bergen', 'Ålesund', 'Bodø', 'Narvik', 'Molde', 'Harstad', 'Kristiansund'];

/** An article page: a headline and three paragraphs about a made-up event in town `i`. */
export function articlePage(i: number): string {
  const town = towns[i % towns.length];
  const p = (s: string) => `<p>${s}</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bridge ${i} closed in ${town} after storm damage</title></head>
<body><article><h1>Bridge ${i} closed in ${town} after storm damage</h1>
${p(`The road bridge number ${i} in ${town} was closed on Sunday after inspectors found cracks in two of its pillars, the county road authority said.`)}
${p(`Engineers expect the bridge to stay shut for at least three weeks while divers examine the foundations, a spokeswoman for the authority told reporters.`)}
${p(`Buses between ${town} and the airport will take a detour of about twenty minutes, and the ferry will run extra departures in the mornings.`)}
</article></body></html>`;
}

export function sendPage(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}
