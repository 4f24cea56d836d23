// Function words of the languages in examples/ (English, Spanish) plus common reporting verbs.
export const STOPWORDS = new Set(
  (
    'the and for that with was were are has have had this from but not his her its their they them she him who ' +
    'which what when where will would said says say also been being than then there into over after before about ' +
    'more most some such only other can could may might one two three its our out all any new year years ' +
    'told according per cent percent just like did does very because while during since between against under ' +
    'los las del una por con para que como más sus fue han sobre este esta entre pero sin también desde hasta ' +
    'http https www com html htm php asp aspx shtml ' +
    'dijo según tras ante durante cuando donde muy ser está están había hay son sido uno dos tres'
  ).split(' '),
);
