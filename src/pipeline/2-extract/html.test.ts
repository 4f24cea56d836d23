import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { extractHtml } from './html.ts';
import { trimEdges } from './html-edges.ts';
import { decodeHtml } from './charset.ts';
import { extractArticle, ExtractError } from './extract.ts';

// CPU time, not wall time: the bound is on the work done, so a loaded machine doesn't fail it.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// A small fictional report, long enough for body scoring (several sentences with commas).
const BODY = [
  'Firefighters in the port town of Kelby brought a warehouse blaze under control on Tuesday evening, officials said, after a night of work.',
  'The fire started shortly after 10 p.m. in a storage building near the harbour, and smoke could be seen from the motorway for hours.',
  'Nobody was hurt, according to the fire brigade, although two workers were checked for smoke inhalation as a precaution.',
  'The owner, a logistics company, said the building held furniture, paper and cleaning products, and that it would cooperate fully.',
];
const bodyHtml = BODY.map((p) => `<p>${p}</p>`).join('\n');

function page(head: string, body: string, htmlAttrs = ''): string {
  return `<!doctype html><html ${htmlAttrs}><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

test('metadata: JSON-LD first, then OpenGraph and meta tags, then <title> and <html lang>', () => {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Kelby Courier' },
      {
        '@type': 'NewsArticle',
        headline: 'Warehouse fire in Kelby under control',
        datePublished: '2026-03-10T21:05:00+01:00',
        dateModified: '2026-03-11T08:00:00+01:00',
        author: [
          { '@type': 'Person', name: 'Mara Lind' },
          { '@type': 'Person', name: 'Tom Ek' },
        ],
        publisher: { '@type': 'Organization', name: 'Kelby Courier' },
        inLanguage: 'en-GB',
      },
    ],
  });
  const html = page(
    `<title>Fire | Kelby Courier</title><meta property="og:title" content="OG title"><meta property="article:published_time" content="2026-01-01">
     <meta name="author" content="Meta Author"><link rel="canonical" href="https://courier.example/fire"><meta property="og:url" content="https://courier.example/og">
     <script type="application/ld+json">${ld}</script>`,
    `<article>${bodyHtml}</article>`,
    'lang="de"',
  );
  const a = extractHtml(html);
  assert.equal(a.title, 'Warehouse fire in Kelby under control');
  assert.deepEqual(a.published, { value: '2026-03-10T21:05:00+01:00', method: 'json-ld' });
  assert.equal(a.modified, '2026-03-11T08:00:00+01:00');
  assert.equal(a.author, 'Mara Lind, Tom Ek');
  assert.equal(a.siteName, 'Kelby Courier');
  assert.equal(a.language, 'en');
  assert.equal(a.canonicalUrl, 'https://courier.example/fire');

  // Without JSON-LD: OpenGraph and article:* tags, then <title> and <html lang>.
  const b = extractHtml(
    page(
      `<title>Page title</title><meta property="og:title" content="OG title"><meta property="article:published_time" content="2026-01-01T10:00:00Z">
       <meta property="article:modified_time" content="2026-01-02T10:00:00Z"><meta name="author" content="Meta Author"><meta property="og:url" content="https://courier.example/og">
       <script type="application/ld+json">{ broken json </script>`,
      `<article>${bodyHtml}</article>`,
      'lang="sv-SE"',
    ),
  );
  assert.equal(b.title, 'OG title');
  assert.deepEqual(b.published, { value: '2026-01-01T10:00:00Z', method: 'meta-tag' });
  assert.equal(b.modified, '2026-01-02T10:00:00Z');
  assert.equal(b.author, 'Meta Author');
  assert.equal(b.language, 'sv');
  assert.equal(b.canonicalUrl, 'https://courier.example/og');

  const byUrl = extractHtml(
    page(
      '<meta property="article:author" content="https://social.example/mara"><meta name="byl" content="By Mara Lind">',
      `<article>${bodyHtml}</article>`,
    ),
  );
  assert.equal(byUrl.author, 'Mara Lind');

  const c = extractHtml(
    page(
      '<title>Only a title</title>',
      `<article>${bodyHtml}<p><time datetime="2026-02-03">3 Feb</time></p></article>`,
    ),
  );
  assert.equal(c.title, 'Only a title');
  assert.deepEqual(c.published, { value: '2026-02-03', method: 'meta-tag' });
  assert.equal(c.language, null);
});

test('body: page furniture around and inside the article is removed', () => {
  const html = page(
    '<title>Warehouse fire</title>',
    `<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
     <div id="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
     <main><article class="story">
       <h1>Warehouse fire</h1>
       <div class="byline">By Mara Lind, Kelby Courier</div>
       <p class="dateline">Updated 10:41 pm, March 10, 2026</p>
       <figure><img src="fire.jpg" alt=""><figcaption>Smoke over the harbour on Tuesday. Photo: K. Berg</figcaption></figure>
       <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
       <div class="article-body"><p>Updated 10:41 pm, March 10, 2026</p><p>News</p>${BODY.slice(0, 2)
         .map((p) => `<p>${p}</p>`)
         .join('')}
         <figure><img src="harbour.jpg"><p>Fire crews at the harbour gate late on Tuesday evening, seen from the quay.</p></figure>
         <div class="image-caption">The warehouse before the fire, in a picture taken by a neighbour last summer.</div>
         <div class="newsletter-signup"><p>Sign up for our morning newsletter and never miss a story.</p><input type="email"></div>
         <p><strong><a href="/story/9">HARBOUR FIRE WAS THE THIRD THIS YEAR</a></strong></p>
         <p>Fire chief <span class="person"><a href="/p/ana">Ana Berg</a><span class="card"><img src="a.jpg"><a href="/p/ana">Ana Maria Berg</a> <a href="/1">Fire chief warns of a dry summer</a> <a href="/2">Brigade gets a new ladder truck</a> <a href="/p/ana">MORE</a></span></span> said the cause was not yet known, and that an inquiry would follow.</p>
         ${BODY.slice(2)
           .map((p) => `<p>${p}</p>`)
           .join('')}
         <p>Tags</p>
       </div>
       <div class="related-links"><h3>Related</h3><ul><li><a href="/a">Another fire in the region last year</a></li><li><a href="/b">Harbour plans approved</a></li><li><a href="/c">Council meets</a></li></ul></div>
     </article></main>
     <aside class="sidebar"><h2>Most read</h2><ol><li><a href="/x">Story one</a></li><li><a href="/y">Story two</a></li></ol></aside>
     <footer>© 2026 Kelby Courier. All rights reserved.</footer>`,
  );
  assert.deepEqual(extractHtml(html).paragraphs, [
    ...BODY.slice(0, 2),
    'Fire chief Ana Berg said the cause was not yet known, and that an inquiry would follow.',
    ...BODY.slice(2),
  ]);
});

test('body: an embedded post is kept, its script is not', () => {
  const tweet =
    'The harbour road is closed until further notice, please use the ring road instead of the coast route.';
  const html = page(
    '<title>Fire</title>',
    `<article>${BODY.slice(0, 2)
      .map((p) => `<p>${p}</p>`)
      .join('')}
     <div class="social-media-embed"><blockquote class="twitter-tweet"><p>${tweet}</p>— Kelby Police (@kelbypolice) <a href="https://x.example/1">March 10, 2026</a></blockquote><script src="https://platform.example/widgets.js"></script></div>
     ${BODY.slice(2)
       .map((p) => `<p>${p}</p>`)
       .join('')}</article>`,
  );
  const text = extractHtml(html).paragraphs.join('\n');
  assert.ok(text.includes(tweet), text);
});

test('hostile HTML: scripts are never run and their text never reaches the output', () => {
  const g = globalThis as Record<string, unknown>;
  delete g.__htmlTestPwned;
  const html = page(
    `<title>Fire</title><script>globalThis.__htmlTestPwned = true; var SECRET_SCRIPT_TEXT = 1;</script>`,
    `<article>${bodyHtml}
      <img src="x" onerror="globalThis.__htmlTestPwned = true">
      <p onclick="globalThis.__htmlTestPwned = true">A harbour official said the cleanup would take several days, at least.<script>document.write('SECRET_INLINE')</script></p>
      <a href="javascript:globalThis.__htmlTestPwned=true">link</a>
      <style>.x{}/* SECRET_STYLE */</style><noscript>SECRET_NOSCRIPT</noscript>
      <svg><script>SECRET_SVG</script><title>SECRET_SVG_TITLE</title></svg>
      <template><p>SECRET_TEMPLATE text in a template element that is never shown.</p></template>
    </article>`,
  );
  const a = extractHtml(html);
  const all = JSON.stringify(a);
  for (const secret of [
    'SECRET_SCRIPT_TEXT',
    'SECRET_INLINE',
    'SECRET_STYLE',
    'SECRET_NOSCRIPT',
    'SECRET_SVG',
    'SECRET_TEMPLATE',
    'onerror',
    'javascript:',
  ])
    assert.ok(!all.includes(secret), `${secret} leaked: ${all}`);
  assert.equal(g.__htmlTestPwned, undefined);
  assert.ok(a.paragraphs.includes('A harbour official said the cleanup would take several days, at least.'));
  // Unclosed and stray tags, a huge attribute, no <body>: still parsed, still bounded.
  const broken = `<title>x</title><div class="${'a'.repeat(100_000)}"><p>${BODY[0]}<p>${BODY[1]}</span></b><p>${BODY[2]}`;
  assert.deepEqual(extractHtml(broken).paragraphs, BODY.slice(0, 3));
  // Nesting that would overflow a recursive walk is flattened, and absurd nesting or piles of
  // stray end tags are cut off instead of taking minutes to tokenize.
  const deep = `<title>x</title>${'<div>'.repeat(300)}${bodyHtml}${'</div>'.repeat(300)}`;
  assert.deepEqual(extractHtml(deep).paragraphs.join(' '), BODY.join(' '));
  const started = cpuMs();
  const hostile = `<title>x</title><article>${bodyHtml}</article>${'<div>'.repeat(200_000)}${'</span>'.repeat(200_000)}`;
  assert.deepEqual(extractHtml(hostile).paragraphs, BODY);
  for (const junk of [
    '<a'.repeat(500_000),
    '<!--'.repeat(250_000),
    '<meta '.repeat(1000) + '<p'.repeat(300_000),
  ])
    assert.deepEqual(extractHtml(decodeHtml(Buffer.from(junk)).html).paragraphs, []);
  assert.ok(cpuMs() - started < 3000, `took ${cpuMs() - started} CPU ms`);
});

test('hostile HTML: blobs before the article do not use up the size limit', () => {
  // A saved page: a 14 MB inline image, a bundled script, inline CSS and an SVG sprite, then the text.
  const blob = 'A'.repeat(14_000_000);
  const sprite = `<svg>${'<path d="M0 0L1 1"/>'.repeat(100_000)}</svg>`;
  const saved = page(
    `<title>Fire</title><style>${'.x{}'.repeat(500_000)}</style><script>${'var a=1;'.repeat(250_000)}</script>`,
    `<img src="data:image/png;base64,${blob}">${sprite}<article>${bodyHtml}</article>`,
  );
  const started = cpuMs();
  assert.deepEqual(extractHtml(saved).paragraphs, BODY);
  // Markup and text still count: an article behind 4 MB of text is past the limit.
  const late = extractHtml(
    page('<title>x</title>', `<p>${'word '.repeat(800_000)}</p><article>${bodyHtml}</article>`),
  );
  assert.ok(!late.paragraphs.includes(BODY[0]));
  assert.ok(cpuMs() - started < 3000, `took ${cpuMs() - started} CPU ms`);
});

test('hostile HTML: absurd nesting is flattened, not cut off', () => {
  const after =
    'A harbour official said the cleanup would take several days, at least, and the road would stay shut.';
  const deep = page(
    '<title>x</title>',
    `${'<div>'.repeat(10_000)}${bodyHtml}${'</div>'.repeat(10_000)}<p>${after}</p>`,
  );
  const text = extractHtml(deep).paragraphs.join(' ');
  for (const p of [...BODY, after]) assert.ok(text.includes(p), text);
  const svg = page(
    '<title>x</title>',
    `<svg>${'<g>'.repeat(5_000)}${'</g>'.repeat(5_000)}</svg><article>${bodyHtml}</article>`,
  );
  assert.ok(extractHtml(svg).paragraphs.join(' ').includes(BODY[0]));
});

test('charset: windows-1251 and ISO-8859-1 pages decode and extract', () => {
  const ru = [
    'Пожарные в порту Кельбю потушили склад во вторник вечером, сообщили власти, после долгой ночной работы.',
    'Пожар начался вскоре после десяти часов вечера в складском здании у гавани, и дым был виден с трассы.',
    'Никто не пострадал, по данным пожарной службы, хотя двух рабочих осмотрели врачи на всякий случай.',
  ];
  const bytes = iconv.encode(
    page(
      '<meta charset="windows-1251"><title>Пожар на складе</title>',
      `<article>${ru.map((p) => `<p>${p}</p>`).join('')}</article>`,
    ),
    'win1251',
  );
  const decoded = decodeHtml(bytes);
  assert.equal(decoded.charset, 'windows-1251');
  const a = extractHtml(decoded.html);
  assert.equal(a.title, 'Пожар на складе');
  assert.deepEqual(a.paragraphs, ru);

  const de = [
    'Die Feuerwehr löschte am Dienstag den Brand in der Lagerhalle am Hafen, teilte die Stadt mit, nach einer langen Nacht.',
    'Verletzt wurde niemand, aber zwei Arbeiter wurden vorsorglich untersucht, hieß es von der Feuerwehr.',
  ];
  const latin = iconv.encode(
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><title>Großbrand</title></head><body><article>${de.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    'latin1',
  );
  const b = extractHtml(decodeHtml(latin).html);
  assert.equal(b.title, 'Großbrand');
  assert.deepEqual(b.paragraphs, de);
});

const links = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<li><a href="/story/${i}">Headline number ${i} about the region</a></li>`,
  ).join('');

test('pages that are not articles are named with a reason', async (t) => {
  const cases: { name: string; html: string; reason: RegExp | null }[] = [
    {
      name: 'error page',
      html: page(
        '<title>Page not found | Kelby Courier</title>',
        '<h1>Page not found</h1><p>Sorry, the page you asked for does not exist.</p>',
      ),
      reason: /^error page/,
    },
    {
      name: 'sign-in wall',
      html: page(
        '<title>Sign in</title>',
        '<h1>Sign in to your account</h1><form><input name="email"><input type="password" name="pw"><button>Sign in</button></form><p>Forgot your password? <a href="/reset">Reset it</a>.</p>',
      ),
      reason: /^sign-in page: "Sign in"/,
    },
    {
      name: 'section front',
      html: page(
        '<title>News</title><meta property="og:type" content="website">',
        `<h1>News</h1><ul>${links(80)}</ul><p>Latest stories.</p>`,
      ),
      reason: /^index page: many links/,
    },
    {
      name: 'typed collection',
      html: page(
        '<title>Topics</title><script type="application/ld+json">{"@type":"CollectionPage","name":"Topics"}</script>',
        `<ul>${links(10)}</ul>`,
      ),
      reason: /^index page: typed CollectionPage/,
    },
    {
      name: 'home page of teasers with summaries',
      html: page(
        '<title>Kelby Courier</title><meta property="og:type" content="website">',
        Array.from(
          { length: 12 },
          (_, i) =>
            `<div class="teaser"><h3><a href="/s/${i}">Story ${i} about the harbour</a></h3><p>A short summary of story ${i}, with a comma.</p></div>`,
        ).join(''),
      ),
      reason: /^index page: 12 linked headlines/,
    },
    {
      name: 'photo gallery',
      html: page(
        '<title>In pictures</title>',
        `<div class="gallery">${'<img src="a.jpg">'.repeat(20)}<p>Photos of the week.</p></div>`,
      ),
      reason: /^gallery/,
    },
    {
      name: 'a short article among many links stays an article',
      html: page(
        '<title>Brief</title><meta property="og:type" content="article">',
        `<nav><ul>${links(80)}</ul></nav><article><p>${BODY[0]}</p></article>`,
      ),
      reason: null,
    },
    {
      name: 'a normal article',
      html: page('<title>Fire</title>', `<article>${bodyHtml}</article>`),
      reason: null,
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const reason = extractHtml(c.html).notArticle;
      if (c.reason) assert.match(reason ?? '', c.reason);
      else assert.equal(reason, null);
    });
  }
});

test('extractArticle refuses a non-article page with the reason', () => {
  const raw = {
    format: 'html' as const,
    path: 'gone.html',
    url: null,
    content: page('<title>404 Not Found</title>', '<h1>404</h1><p>Not here.</p>'),
  };
  assert.throws(
    () => extractArticle(raw),
    (e: unknown) => e instanceof ExtractError && /not an article: error page/.test(e.message),
  );
  const ok = extractArticle({
    ...raw,
    content: page(
      '<title>Fire</title><meta property="article:modified_time" content="2026-03-11">',
      `<article>${bodyHtml}</article>`,
    ),
  });
  assert.equal(ok.text, BODY.join('\n\n'));
  assert.equal(ok.metadata.modified, '2026-03-11');
});

test('trimEdges peels labels, datelines, bylines and link lists off the ends only', () => {
  const cases: { lines: string[]; kept: string[] }[] = [
    {
      lines: ['Business', 'By Mara Lind', 'March 10, 2026 10:41 AM', BODY[0], BODY[1]],
      kept: [BODY[0], BODY[1]],
    },
    { lines: ['Photo: Getty Images', 'Warehouse fire', BODY[0]], kept: [BODY[0]] },
    { lines: ['KELBY, Sweden', BODY[0]], kept: ['KELBY, Sweden', BODY[0]] },
    { lines: [BODY[0], 'Related', 'Another fire in the region', 'Harbour plans approved'], kept: [BODY[0]] },
    {
      lines: [BODY[0], 'You may also like', 'Council meets on Friday', BODY[1]],
      kept: [BODY[0], 'You may also like', 'Council meets on Friday', BODY[1]],
    },
    { lines: [BODY[0], 'News', BODY[1]], kept: [BODY[0], 'News', BODY[1]] },
    // A stamp below the standfirst still goes; a subheading above the last paragraph stays.
    {
      lines: [BODY[0], 'Updated: 10 Mar 2026, 21:05', BODY[1], 'What comes next', BODY[2]],
      kept: [BODY[0], BODY[1], 'What comes next', BODY[2]],
    },
    {
      lines: [BODY[0], 'Image 2 of 5', BODY[1], BODY[2], BODY[3], BODY[0], BODY[1]],
      kept: [BODY[0], BODY[1], BODY[2], BODY[3], BODY[0], BODY[1]],
    },
    {
      lines: [
        BODY[0],
        BODY[1],
        'More Great Courier Stories',
        'Harbour plans approved',
        'Council meets on Friday',
        'Why the ferry is late again?',
      ],
      kept: [BODY[0], BODY[1]],
    },
    {
      lines: [
        BODY[0],
        BODY[1],
        'About the author',
        'Mara Lind has covered the harbour since 2019, and before that the courts.',
      ],
      kept: [BODY[0], BODY[1]],
    },
    {
      lines: [
        '先日、港の倉庫で火災が発生し、消防隊が夜通し消火活動を行ったというニュースを耳にしました。',
        BODY[0],
      ],
      kept: [
        '先日、港の倉庫で火災が発生し、消防隊が夜通し消火活動を行ったというニュースを耳にしました。',
        BODY[0],
      ],
    },
  ];
  for (const c of cases)
    assert.deepEqual(trimEdges(c.lines, 'Warehouse fire').kept, c.kept, c.lines.join(' | '));
});

test('body: a table of figures stays even when its cells are links', () => {
  const table =
    '<table><tr><th>District</th><th>Homes evacuated</th></tr>' +
    ['North', 'Harbour', 'Old Town']
      .map((d, i) => `<tr><td><a href="/d/${i}">${d}</a></td><td>${(i + 1) * 40}</td></tr>`)
      .join('') +
    '</table>';
  const html = page(
    '<title>Fire</title>',
    `<article><div>${BODY.slice(0, 2)
      .map((p) => `<p>${p}</p>`)
      .join('')}${table}${BODY.slice(2)
      .map((p) => `<p>${p}</p>`)
      .join('')}</div></article>`,
  );
  const text = extractHtml(html).paragraphs.join('\n');
  for (const cell of ['District', 'Homes evacuated', 'Old Town', '120']) assert.ok(text.includes(cell), text);
});

test('body: JSON-LD articleBody stands in when the page shows no text', () => {
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Fire', articleBody: BODY.join('\n') });
  // A script-rendered page: an empty mount point, the text only in JSON-LD (with a raw line break, as some sites write it).
  const html = page(
    `<title>Fire</title><script type="application/ld+json">${ld.replace('\\n', '\n')}</script>`,
    '<div id="app"></div><p>Loading…</p>',
  );
  const a = extractHtml(html);
  assert.equal(a.title, 'Fire');
  assert.deepEqual(a.paragraphs.join(' '), BODY.join(' '));
});

test('a body whose words are half links is still found (the last retry skips the container tests)', () => {
  // A link-heavy post: every sentence links its sources, so its wrapper looks like a link list.
  const linked = [
    'The <a href="/a">council report</a> on the <a href="/b">harbour bridge</a> came out on Monday, <a href="/c">two years late</a>.',
    'It says the <a href="/d">steel cables</a> need work, and the <a href="/e">repair fund</a> is short by <a href="/f">four million</a>.',
    'The <a href="/g">mayor</a> answered that <a href="/h">a new levy</a> would cover it, and <a href="/i">traffic will not stop</a>.',
  ];
  const html = page(
    '<title>Bridge report</title>',
    `<div class="site"><div class="wrap"><div class="inner">${linked.map((p) => `<p>${p}</p>`).join('')}</div></div></div>`,
  );
  const got = extractHtml(html).paragraphs.join(' ');
  assert.match(got, /steel cables need work/);
  assert.match(got, /a new levy would cover it/);
});

test('a short paragraph that is mostly one link to another story is dropped, wherever it sits', () => {
  const pointers = [
    'Read also: <a href="/x">Harbour district gets a new ferry line next spring</a>',
    'LEA TAMBIÉN: <a href="/y">El puerto abre una nueva terminal de carga</a>',
    'Siehe auch <a href="/z">Neue Fähre für den Hafen im Frühjahr</a>',
  ];
  for (const pointer of pointers) {
    const body = [...BODY.slice(0, 2), pointer, ...BODY.slice(2)].map((p) => `<p>${p}</p>`).join('\n');
    const got = extractHtml(page('<title>Warehouse fire</title>', `<article>${body}</article>`)).paragraphs;
    assert.equal(got.length, BODY.length, pointer);
    assert.ok(!got.some((p) => /ferry|terminal|Fähre/.test(p)), pointer);
  }
});

test('a sentence with a link in it stays', () => {
  const linked =
    'The <a href="/r">fire brigade report</a> says the alarm went off twice before anyone called.';
  const body = [...BODY, linked].map((p) => `<p>${p}</p>`).join('\n');
  const got = extractHtml(page('<title>Warehouse fire</title>', `<article>${body}</article>`)).paragraphs;
  assert.ok(got.some((p) => p.includes('alarm went off twice')));
});

test("the standfirst kept in the headline's <header> opens the body; the header's dateline and links do not", () => {
  const lead =
    'Crews worked through the night to contain the fire, which destroyed a storage building near the harbour.';
  const html = page(
    '<title>Warehouse fire</title>',
    `<main><article><header><h1>Warehouse fire</h1><p class="dek">${lead}</p><p>10 March 2026</p><p><a href="/a">Kelby</a> <a href="/b">Fire</a></p></header>` +
      `<div class="wrap"><div class="story-body">${bodyHtml}</div></div></article></main>`,
  );
  assert.deepEqual(extractHtml(html).paragraphs, [lead, ...BODY]);
});
