import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities } from '../entities/extract.ts';
import { extractQuotes } from './extract.ts';

const quotes = (text: string) => extractQuotes(text, extractEntities(text));
const direct = (text: string) =>
  quotes(text)
    .filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

/** [case, text, expected direct quotes as [content, speaker]] */
const cases: [string, string, [string, string | null][]][] = [
  [
    'a definite description refers back to the person it names, not to the latest one',
    'Dale Pruitt, 37, was sentenced on Friday. He will likely die in prison after Superior Court Judge Marta Okafor handed down the maximum sentence on each charge. "If there were more I could give you, I would," the judge said.',
    [['If there were more I could give you, I would,', 'Marta Okafor']],
  ],
  [
    'tag after: name + verb',
    '"We are not closing the border," Kovač told reporters. Interior Minister Ana Kovač spoke later.',
    [['We are not closing the border,', 'Ana Kovač']],
  ],
  [
    'tag after: verb + titled name',
    '"People are exhausted but calm," said Ivana Perić, coordinator of the Sava Relief Network.',
    [['People are exhausted but calm,', 'Ivana Perić']],
  ],
  [
    'lead-in with colon',
    'Interior Minister Ana Kovač said: "Every person who crosses it is registered and sheltered."',
    [['Every person who crosses it is registered and sheltered.', 'Ana Kovač']],
  ],
  [
    'split quote around the tag',
    '"It looks different," said Mayor Craig Randall. "And if it feels different, it must be different."',
    [
      ['It looks different,', 'Craig Randall'],
      ['And if it feels different, it must be different.', 'Craig Randall'],
    ],
  ],
  [
    'multi-paragraph quote: each paragraph reopens, only the last closes',
    'Travis Robinson said:\n\n“Our community needs education.\n\n“Five per cent have less than a degree.”\n\nClasses begin in April.',
    [['Our community needs education.\n\n“Five per cent have less than a degree.', 'Travis Robinson']],
  ],
  [
    'quote inside a quote (single marks)',
    '“He kept saying ‘it is not your fault, Jacob’ to him,” Marisa Melendez said.',
    [['He kept saying ‘it is not your fault, Jacob’ to him,', 'Marisa Melendez']],
  ],
  [
    'quote inside a quote (straight inside straight)',
    '"The sign on the door said "Closed for good" this morning," said Fred Mills.',
    [['The sign on the door said "Closed for good" this morning,', 'Fred Mills']],
  ],
  [
    'pronoun resolved to the last person who spoke or was the subject',
    'Andre Wilson, 38, told the Daily News he knew the victim. “All he did was walk around the neighborhood,” he said.',
    [['All he did was walk around the neighborhood,', 'Andre Wilson']],
  ],
  [
    'an unnamed speaker stays unnamed',
    '"It looks different now, it feels different," said one person who lives in the area.',
    [['It looks different now, it feels different,', null]],
  ],
  [
    'organisation speaking through a spokesman',
    'The Ministry of Defence (MoD) named him. An MoD spokesman said: "It is with great sadness that we confirm his death."',
    [['It is with great sadness that we confirm his death.', 'Ministry of Defence']],
  ],
  [
    'a relative named by apposition',
    'Pietrewicz\'s daughter, Sandy Blampied, was 12. Pietrewicz was fleeing a marriage, her daughter says. "If she was alive she would have called me."',
    [['If she was alive she would have called me.', 'Sandy Blampied']],
  ],
  [
    'a relative never named stays unnamed',
    'Police Chief Cressida Dick spoke first. "I will miss you so much," her mother wrote on a note.',
    [['I will miss you so much,', null]],
  ],
  [
    'an unknown name after the verb',
    '"I could not even imagine it," said Chastity Moredock.',
    [['I could not even imagine it,', 'Chastity Moredock']],
  ],
  [
    'titles and scare quotes are not quotes',
    'The film "How Do You Hug a Tiger" opened. He called it "different" and left.',
    [],
  ],
  [
    'Spanish angle quotes and verb after',
    '«No estamos en contra de la tecnología», dijo el presidente de la federación, Rodrigo Saavedra.',
    [['No estamos en contra de la tecnología', 'Rodrigo Saavedra']],
  ],
  [
    'Spanish curly quotes and verb before',
    'El ministro Carlos Díaz afirmó: “La situación está bajo control en toda la región”.',
    [['La situación está bajo control en toda la región', 'Carlos Díaz']],
  ],
  [
    'Spanish verb without a subject refers back',
    'El presidente de la empresa, Martín Echeverry, se comprometió a entregar un informe. "Fue un evento excepcional, pero no vamos a esconder nada", afirmó.',
    [['Fue un evento excepcional, pero no vamos a esconder nada', 'Martín Echeverry']],
  ],
  [
    'a quote never closed ends with its paragraph',
    'Officer Douglas Greene said: "He pointed the handgun at the victim and pulled the trigger.\n\nPolice arrested him later.',
    [['He pointed the handgun at the victim and pulled the trigger.', 'Douglas Greene']],
  ],
  [
    'missing space after the full stop',
    'Morad Alsars ran to help."I got some towels and held them on her head," Alsars said.',
    [['I got some towels and held them on her head,', 'Morad Alsars']],
  ],
];

for (const [name, text, expected] of cases) {
  test(`quotes: ${name}`, () => assert.deepEqual(direct(text), expected));
}

test('quotes: spans cover the marks and point into the text', () => {
  const text = 'Ana Kovač said: "We are ready for the vote."';
  const [q] = quotes(text);
  assert.equal(text.slice(q.start, q.end), '"We are ready for the vote."');
  assert.equal(text.slice(q.speakerSpan!.start, q.speakerSpan!.end), 'Ana Kovač');
});

/** [case, text, expected reported speech as [clause, speaker]] */
const reported: [string, string, [string, string][]][] = [
  [
    'acknowledged that',
    'Interior Minister Ana Kovač acknowledged that the shelters were full.',
    [['the shelters were full', 'Ana Kovač']],
  ],
  [
    'said + clause',
    'Police Chief William Moore said police believe it was an accident.',
    [['police believe it was an accident', 'William Moore']],
  ],
  [
    'according to',
    'More than 15,000 people have crossed since March 1, according to Ana Kovač.',
    [['More than 15,000 people have crossed since March 1', 'Ana Kovač']],
  ],
  [
    'Spanish verb + que',
    'Rodrigo Saavedra aseguró que la huelga seguirá hasta el viernes.',
    [['la huelga seguirá hasta el viernes', 'Rodrigo Saavedra']],
  ],
  [
    'an aside before "that"',
    'Sheriff Jimmy Dunn said during a press conference that the suspect was in custody.',
    [['the suspect was in custody', 'Jimmy Dunn']],
  ],
  ['told needs "that"', 'Ana Kovač told a news conference after the cabinet session.', []],
  [
    'declared an emergency is not speech',
    'El Gobierno de Croacia declaró el viernes el estado de emergencia.',
    [],
  ],
  ['no named speaker, no reported quote', 'Police said the suspect fled on foot.', []],
];

for (const [name, text, expected] of reported) {
  test(`quotes: reported speech, ${name}`, () => {
    const got = quotes(text)
      .filter((q) => q.kind === 'reported')
      .map((q) => [q.text, q.speaker]);
    assert.deepEqual(got, expected);
  });
}

test('quotes: hostile input is bounded in size and time', () => {
  for (const unit of ['“open quote never closed ', '"We are ready now," said Ana Kovač. ', '«a» ']) {
    const text = unit.repeat(Math.ceil(300_000 / unit.length));
    const t0 = performance.now();
    const got = extractQuotes(text, extractEntities(text), { maxChars: 50_000 });
    assert.ok(got.every((q) => q.end <= 50_000));
    assert.ok(performance.now() - t0 < 3000, `${unit}: ${performance.now() - t0} ms`);
  }
});

test('quotes: two apostrophes as quotation marks, the way some archives write them', () => {
  const text = "Officials urged a default. ''We need Chapter 9,'' said Ms. Acosta, referring to the code. ''Give us the tool.''";
  const got = extractQuotes(text, extractEntities(text)).filter((q) => q.kind === 'direct');
  assert.deepEqual(got.map((q) => q.text), ['We need Chapter 9,', 'Give us the tool.']);
  assert.equal(got[0].speaker, 'Acosta');
});
