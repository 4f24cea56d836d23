// Speakers the entity pass did not name: a surname or titled surname written in the speech tag itself
// ('"…," Hale said', 'said Mr. Burr'), speech verbs beyond "said" ("answered", "telling reporters,",
// "declares"), and a tag after a long apposition. Sentences written for this table (issue #18).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities } from '../entities/extract.ts';
import { extractQuotes } from './extract.ts';

const speakers = (text: string) =>
  extractQuotes(text, extractEntities(text))
    .filter((q) => q.kind === 'direct')
    .map((q) => q.speaker);

/** [case, text, speaker of each direct quote in order] */
const cases: [string, string, (string | null)[]][] = [
  [
    'bare surname in the tag, never named as an entity elsewhere',
    'Turnout in the county fell for the third year.\n\n"They took the message and ran with it," Hale said.',
    ['Hale'],
  ],
  [
    'titled surname in the tag (the title stripped, as entity names are)',
    "Unions have lost ground in the state.\n\n''Nobody is coming to rescue these workers,'' Mr. Tribble said.",
    ['Tribble'],
  ],
  [
    'titled surname after the verb',
    "The vote was close.\n\n''You will know it when you see it,'' said Ms. Orland, adding that she was hopeful.",
    ['Orland'],
  ],
  [
    'tag surname joined to the full name used earlier',
    'Marta Kellison runs the shelter on Fourth Street. Demand has doubled since spring.\n\n"We turn people away every night," Kellison said.',
    ['Marta Kellison'],
  ],
  [
    'answered',
    'The host pressed him on the plan.\n\n"I would say this," Dorsey answered. "We will work out something fair."',
    ['Dorsey', 'Dorsey'],
  ],
  [
    'telling reporters, with a colon-less lead-in',
    'Councilwoman Irene Vasko was unimpressed with the proposal, telling reporters, "A lot of people said the chief should step down."',
    ['Irene Vasko'],
  ],
  [
    'saying: after a parenthesis',
    'In a statement released Thursday, Rep. Hakim Jeffers (D-N.Y.) reacted to the news, saying: "The man should be in prison."',
    ['Hakim Jeffers'],
  ],
  [
    'declares',
    '"I\'m a voter," declares Stephanie Acker, 27, a Navy veteran who was among those polled.',
    ['Stephanie Acker'],
  ],
  [
    'long apposition between the name and the verb',
    '"Very good reporter, very good reporter this guy," Trask, the front-runner in the state polls by a wide margin after his first win, said when asked.',
    ['Trask'],
  ],
  [
    'a capitalised word that is not a name stays unnamed',
    'The report was released on Monday.\n\n"It was a terrible week for the city," Monday said nothing else.',
    [null],
  ],
  [
    'an outlet after "the" is no surname',
    '"Nothing was decided at the meeting," the Ledger reported.',
    [null],
  ],
  [
    'a pronoun tag stays with the earlier speaker, not a capitalised word inside the quote',
    'Gloria Mendel chairs the board.\n\n"Washington has let us down," she said.',
    ['Gloria Mendel'],
  ],
  [
    'a participle takes the subject of its clause, not the last name before it',
    'Pryor told the radio host that Dale Whitcombe "ran a campaign of fear," adding, "He lost every county he needed."',
    ['Pryor', 'Pryor'],
  ],
  [
    'a participle right after the quote leaves the speaker to the lead-in',
    "On the same day, Ms. Aldana said of the vote, ''I do not like it at all,'' adding that the count was fair.",
    ['Aldana'],
  ],
  [
    "a split quote keeps its speaker across names in the tag's apposition",
    '"He will shape the whole campaign," said Owen Brack, a strategist and a longtime friend of Carla Munoz. "They are close in age."',
    ['Owen Brack', 'Owen Brack'],
  ],
  [
    'a new sentence naming someone else between two quotes still breaks the chain',
    '"He will shape the whole campaign," said Owen Brack. Carla Munoz disagreed. "They are not close at all."',
    ['Owen Brack', null],
  ],
  [
    'a colon lead-in with a verb of manner',
    'The governor has struggled all winter.\n\nAnd Gov. Nolan Pirie gloated: "Nobody in this race has done more for the state."',
    ['Nolan Pirie'],
  ],
  [
    '"as X put it,"',
    'But at the time, as prosecutor Marc Trevanne put it, "the file was thin and the man was careful."',
    ['Marc Trevanne'],
  ],
  [
    'a colon lead-in with no one named stays unattributed',
    'The notice on the door of the clinic read: "Closed until further notice, by order of the board."',
    [null],
  ],
  [
    'apposition naming someone else before the verb',
    'Republicans quickly accused the mayor of politics. Doug Andrus, a spokesman for House Speaker Peter Rayne, said, "He opted for a takedown."',
    ['Doug Andrus'],
  ],
  [
    'tag after the quote with an apposition naming the boss',
    '"He watches everything; that is how he is," Sam Nunley, a former Grant aide, said when asked.',
    ['Sam Nunley'],
  ],
  [
    'a possessive after the verb is not the speaker',
    '"This has to be a first for a candidate," said Harmon\'s top foreign policy aide Jake Sullen.',
    ['Jake Sullen'],
  ],
  [
    'a list of names before the verb is no apposition',
    'Senators Ruth Kessler, Tom Averill and Dana Moyer said in a letter: "The agency has failed the families."',
    ['Dana Moyer'],
  ],
  [
    'a short quote with one name in it is a quote, not a title',
    "It is not a move without risks.\n\n''I'm a big fan of Paula,'' said Senator Jeff Sessler, Republican of Alabama. ''She is a good person.''",
    ['Jeff Sessler', 'Jeff Sessler'],
  ],
  [
    "a split quote's tag with a second verb does not give the second part to a name in the apposition",
    '"The intensity of his supporters is so much greater," said Rep. Bert Rourke (D-Tex.), a Clayton endorser whose district went for her but who suggested that turnout could rise. "In El Paso, she crushed him."',
    ['Bert Rourke', 'Bert Rourke'],
  ],
  [
    'a new lead-in sentence between two quotes still introduces the second',
    '"We are ready," said Mayor Lena Ortiz. Police Chief Tom Garvey answered: "We are not."',
    ['Lena Ortiz', 'Tom Garvey'],
  ],
  [
    'a surname that is also a title ("Mr. King")',
    "Charlie Kingsley, a former director, spoke first.\n\n''If there is a drop-off in the vote, that is 60 electoral votes,'' Mr. King said.",
    ['King'],
  ],
  [
    'an organisation and a role before the name after the verb',
    '"This is simple: what he is saying is dangerous," said Harmon campaign manager Robby Moor in a statement.',
    ['Robby Moor'],
  ],
];

for (const [name, text, expected] of cases)
  test(`speaker tags: ${name}`, () => assert.deepEqual(speakers(text), expected));
