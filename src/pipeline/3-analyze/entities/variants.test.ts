// Name variants across a story's reports (issue 18): spellings, transliterations, initials and
// diacritics of one person are linked; a surname a letter apart is linked only with the context
// that makes it one person (same first name and role, never both forms in one report, no other
// person fitting as well); different people with similar names stay apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityMention } from '../../../model/index.ts';
import { linkEntities } from './link.ts';

/** "President|José Jerí": a role, then the name. */
const mention = (s: string): EntityMention => {
  const [role, name] = s.includes('|') ? s.split('|') : [null, s];
  return { text: name, name, start: 0, end: name.length, type: 'person', role };
};
const article = (id: string, ...names: string[]) => ({ id, mentions: { entities: names.map(mention) } });
const people = (...articles: ReturnType<typeof article>[]) => linkEntities(articles).filter((e) => e.type === 'person').length;

/** One person written two ways in two reports. */
const SAME: [string, string][] = [
  ['President|José Jerí', 'President|José Jarí'],
  ['Peruvian President|José Jerí', 'President|José Jarí'],
  ['Governor|Tim Walz', 'Governor|Tim Waltz'],
  ['Mayor|Karen Bass', 'Mayor|Karen Bas'],
  ['President|Luis Arce', 'President|Luis Arse'],
  ['Senator|Ted Cruz', 'Senator|Ted Kruz'],
  ['Police Chief|Dan Hahn', 'Police Chief|Dan Hann'],
  ['Sheriff|Tom Doyle', 'Sheriff|Tom Dolye'],
  ['Commissioner|Ivan Petrov', 'Commissioner|Ivan Petrow'],
  ['Interior Minister|Ana Kovač', 'Interior Minister|Ana Kovic'],
  ['Volodymyr Zelensky', 'Volodymyr Zelenskyy'],
  ['Volodymyr Zelenskiy', 'Volodymyr Zelensky'],
  ['Volodymyr Zelenskiy', 'Volodymyr Zelenskyy'],
  ['Muammar Gaddafi', 'Muammar Qaddafi'],
  ['Muammar Gaddafi', 'Muammar Kadhafi'],
  ['Muammar Qaddafi', 'Muammar Kadhafi'],
  ['Mohammed Salah', 'Muhammad Salah'],
  ['Mohamed Bazoum', 'Mohammed Bazoum'],
  ['Muhammad Yunus', 'Mohammad Yunus'],
  ['Ana Kovač', 'Ana Kovac'],
  ['John Ashdown', 'J. Ashdown'],
  ['Sergei Lavrov', 'Sergey Lavrov'],
  ['Alexei Navalny', 'Aleksei Navalny'],
  ['Dmitry Peskov', 'Dmitri Peskov'],
  ['Recep Tayyip Erdoğan', 'Recep Tayyip Erdogan'],
  ['Andrés Manuel López Obrador', 'Andres Manuel Lopez Obrador'],
  ['Bashar al-Assad', 'Bashar Assad'],
  ['Abdel Fattah el-Sisi', 'Abdel Fattah al-Sisi'],
  ['Hassan Nasrallah', 'Hasan Nasrallah'],
  ['Mikhail Gorbachev', 'Mikhail Gorbachov'],
  ['Nicolás Maduro', 'Nicolas Maduro'],
  ['Vladimir Putin', 'Wladimir Putin'],
  ['Mahmoud Abbas', 'Mahmud Abbas'],
  ['Yevgeny Prigozhin', 'Yevgeniy Prigozhin'],
  ['Alexander Lukashenko', 'Aleksandr Lukashenka'],
  ['Andrzej Duda', 'Andrej Duda'],
  ['Benjamin Netanyahu', 'Binyamin Netanyahu'],
  ['Emmanuel Macron', 'Emanuel Macron'],
  ['Olaf Scholz', 'Olaf Scholtz'],
  ['Jair Bolsonaro', 'Jair Bolsanaro'],
  ['Giorgia Meloni', 'Georgia Meloni'],
  ['Shinzō Abe', 'Shinzo Abe'],
  ['Daniel Ortega', 'Danny Ortega'],
  ['Jaime Ostrander', 'Jamie Ostrander'],
];

/** Two people: the names are close, but nothing says they are one. */
const APART: [string, string][] = [
  ['John Smith', 'Jane Smith'],
  ['Kim Jong Un', 'Kim Jong Il'],
  ['Robert Martin', 'Robert Morton'],
  ['Ana Kovač', 'Marko Kovač'],
  ['President|José Jerí', 'Minister|José Jara'],
  ['Mark Kelly', 'Mike Kelly'],
  ['Hillary Clinton', 'Bill Clinton'],
  ['George Bush', 'Jeb Bush'],
  ['Luis Arce', 'Luis Arca'],
  ['Ted Cruz', 'Ted Kruz'],
  ['Venus Williams', 'Serena Williams'],
  ['Maria Garcia', 'Mario Garcia'],
  ['Cristina Fernández', 'Cristian Fernández'],
  ['Eric Adams', 'Erica Adams'],
  ['Paul Ryan', 'Paula Ryan'],
  ['Daniel Ortega', 'Danielle Ortega'],
  ['Brian Kemp', 'Bruno Kemp'],
  ['Raúl Castro', 'Fidel Castro'],
  ['Lee Jae-myung', 'Lee Jae-yong'],
  ['Governor|Tim Walz', 'Governor|Tom Walz'],
  ['Mayor|Karen Bass', 'Mayor|Karen Bates'],
  ['Sheriff|Tom Doyle', 'Sheriff|Tom Boyd'],
  ['Detective|Ana Ruiz', 'Detective|Ana Ortiz'],
  ['Senator|Ted Cruz', 'Senator|Ted Crane'],
  ['Judge|Carla Stone', 'Prosecutor|Carla Stane'],
  ['Officer|Dan Hahn', 'Sergeant|Dan Hann'],
  ['Coach|Ron Rivers', 'Coach|Don Rivers'],
  ['Minister|Petra Novak', 'Minister|Pavla Novak'],
  ['Mayor|Luis Vera', 'Mayor|Luis Varela'],
  ['President|José Jerí', 'President|Josefina Jerí'],
  ['James Glass Jr.', 'James Glass Sr.'],
  ['Ahmed Hassan', 'Ahmed Hussein'],
  ['Omar Khalid', 'Omar Khaled Mansour'],
  ['Sarah Cole', 'Sara Coles'],
  ['Christina Baker', 'Christine Baker'],
  ['Julia Roberts', 'Julian Roberts'],
  ['Joan Rivers', 'Jean Rivers'],
  ['Daniela Mora', 'Daniel Mora'],
  ['Andrea Costa', 'Andreas Costa'],
  ['Gabriela Silva', 'Gabriel Silva'],
  ['Victoria Lane', 'Victor Lane'],
  ['Pablo Reyes', 'Paola Reyes'],
];

test('variant table sizes', () => {
  assert.ok(SAME.length >= 40 && APART.length >= 40, `${SAME.length} same, ${APART.length} apart`);
});

for (const [a, b] of SAME)
  test(`one person: ${a} / ${b}`, () => assert.equal(people(article('a', a), article('b', b)), 1));

for (const [a, b] of APART)
  test(`two people: ${a} / ${b}`, () => assert.equal(people(article('a', a), article('b', b)), 2));

test('both forms in one report are two people, whatever the role says', () => {
  assert.equal(people(article('a', 'President|José Jerí', 'President|José Jarí')), 2);
  assert.equal(people(article('a', 'President|José Jerí'), article('b', 'President|José Jarí', 'President|José Jerí')), 2);
});

test('a form that fits two people of the story joins neither', () => {
  assert.equal(people(article('a', 'Sheriff|Tom Doyle'), article('b', 'Sheriff|Tom Dole'), article('c', 'Sheriff|Tom Hoyle')), 3);
});

test('the linked variant keeps every form with its reports, the form most sources use first', () => {
  const [e] = linkEntities([article('a', 'President|José Jerí'), article('b', 'President|José Jerí'), article('c', 'President|José Jarí')]).filter((x) => x.type === 'person');
  assert.equal(e.name, 'José Jerí');
  assert.deepEqual(e.variants, [
    { form: 'José Jerí', articles: ['a', 'b'] },
    { form: 'José Jarí', articles: ['c'] },
  ]);
});
