// Short forms of English given names, written by hand ("Greg Hollis" is "Gregory Hollis" in the next
// report). Only short forms that stand for one name of one gender: "Sam", "Chris", "Pat" and "Alex"
// could be either of two people of one family, so they are left to an initial or an exact match.

const PAIRS = `
abe:abraham al:albert andy:andrew drew:andrew barb:barbara becky:rebecca ben:benjamin benny:benjamin beth:elizabeth
betsy:elizabeth liz:elizabeth lizzie:elizabeth bill:william billy:william will:william willie:william bob:robert bobby:robert
rob:robert robbie:robert charlie:charles chuck:charles cindy:cynthia dan:daniel danny:daniel dave:david davey:david
debbie:deborah deb:deborah don:donald donnie:donald doug:douglas ed:edward eddie:edward fred:frederick freddie:frederick
gabe:gabriel greg:gregory hank:henry jake:jacob jeff:jeffrey jen:jennifer jenny:jennifer jim:james jimmy:james
joe:joseph joey:joseph jon:jonathan josh:joshua kathy:katherine kate:katherine katie:katherine ken:kenneth kenny:kenneth
larry:lawrence maggie:margaret peggy:margaret manny:manuel matt:matthew mike:michael mikey:michael mandy:amanda nate:nathan
nick:nicholas pam:pamela pete:peter phil:philip ray:raymond rich:richard rick:richard ricky:richard ron:ronald ronnie:ronald
sandy:sandra steve:steven stevie:steven sue:susan susie:susan ted:edward teddy:edward tim:timothy timmy:timothy tom:thomas
tommy:thomas tony:anthony vince:vincent vicky:victoria walt:walter wes:wesley zach:zachary zack:zachary
`;

const FULL = new Map<string, Set<string>>();
for (const pair of PAIRS.split(/\s+/).filter(Boolean)) {
  const [short, full] = pair.split(':');
  FULL.set(short, (FULL.get(short) ?? new Set()).add(full));
}
// Spelling variants of the full forms a report may use.
for (const [short, full] of [['steve', 'stephen'], ['phil', 'phillip'], ['jeff', 'geoffrey'], ['zach', 'zachariah']]) FULL.get(short)!.add(full);

/** Whether one folded first name is a short form of the other ("greg"/"gregory", either order). */
export function nicknameOf(a: string, b: string): boolean {
  return !!FULL.get(a)?.has(b) || !!FULL.get(b)?.has(a);
}
