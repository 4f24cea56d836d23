// Error pages are told by what the page is (a title that is nothing but an error label, little
// text), never by an error-like word inside a news headline.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractHtml } from '../../src/pipeline/2-extract/html.ts';

const page = (title: string, h1: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><header><a href="/">Home</a></header><main><h1>${h1}</h1>${body}</main></body></html>`;

const NEWS: [string, string][] = [
  ['500 evacuated as wildfire nears Paradise', 'About 500 residents of Paradise were told to leave their homes on Sunday as a wildfire moved down the ridge. Shelters opened at two schools in the valley and the fire service said the wind would ease by night.'],
  ['Missing hiker not found', 'Rescue teams ended the third day of searching the moors above Greystone without finding the missing hiker. Police said the search would resume at first light with dogs and a helicopter.'],
  ['403 flights cancelled as storm shuts airport', 'The airport cancelled 403 flights on Friday as gusts of over 100 km/h swept the coast. Airlines told travellers to check before setting out and rebooked passengers onto weekend services.'],
  ['Error in ballot count delays Harwick result', 'The count in Harwick was halted overnight after officials found an error in the ballot totals from two wards. A recount began on Thursday morning and the result is now expected by evening.'],
  ['Access denied to reporters at border camp', 'Reporters were turned away from the camp at the northern crossing on Tuesday. The interior ministry said access would be allowed once the site was secure, and gave no date.'],
  ['Page not found in court archive, judge told', 'A judge in Lowfield was told on Monday that a page of the 1998 contract could not be found in the court archive. Lawyers for the council asked for time to search the city records.'],
];

const ERRORS: [string, string, string][] = [
  ['404 Not Found', 'Not Found', '<p>The requested URL was not found on this server.</p>'],
  ['Page not found | Kelby Courier', 'Page not found', '<p>Sorry, the page you asked for does not exist.</p>'],
  ['Error 500 – Internal Server Error', 'Internal Server Error', '<p>Something went wrong on our side. Please try again later.</p>'],
  ['Page not found – Valley Courier', 'Oops! That page can’t be found.', '<p>It looks like nothing was found at this location. Maybe try a search?</p>'],
  ['Access Denied', 'Access Denied', '<p>You don’t have permission to access this page on this server.</p>'],
  ['Página no encontrada - El Diario', 'Página no encontrada', '<p>La página que busca no existe o ha sido movida.</p>'],
  ['Kelby Courier', 'Sorry, this page doesn’t exist', '<p>Try the search box or go back to the home page.</p>'],
];

describe('error pages by what they are', () => {
  for (const [headline, text] of NEWS)
    it(`news, kept: "${headline}"`, () => {
      const r = extractHtml(page(`${headline} | Harbor Ledger`, headline, `<article><p>${text}</p></article>`));
      assert.equal(r.notArticle, null);
    });
  for (const [title, h1, body] of ERRORS)
    it(`error page, refused: "${title}" / "${h1}"`, () => {
      assert.match(extractHtml(page(title, h1, body)).notArticle ?? '', /^error page: /);
    });
});
