/**
 * One-word labels that are too common in ordinary English (or in job adverts) to be read as a
 * skill on their own: "drive" in "a drive to succeed", "less" (the CSS language) in "less than",
 * "energy" in "high energy team", "ETCS" (read as "etc", a plural) in "etc.". Multi-word labels that contain these words are unaffected.
 * Words are in normalised form (lower case, singular).
 */
export const COMMON_WORD_STOPLIST: ReadonlySet<string> = new Set(
  `
  a an and or the of to in on at by for with from as is be are was it this that these those
  less more most much many few all any some each other such no not only own same so than too very
  can will just should now also about above after again against below between both during into
  through under until up down out off over further then once here there when where why how
  new old good great high low big small large long short full part first last next best well
  work job role team staff people person customer client service care support help guide lead
  manage management drive driving run running use using make making build building plan planning
  design test testing teach teaching train training learn learning write writing read reading
  speak speaking listen listening present presentation report reporting check checking control
  communicate communicating conversation interaction correspondence interview interviewing
  clean cleaning cook cooking serve serving sell selling buy buying order ordering deliver delivery
  move moving lift lifting carry carrying open opening close closing start starting finish
  meet meeting organise organising organize organizing coordinate schedule scheduling
  record recording monitor monitoring review reviewing assess assessment evaluate analyse analysis
  develop development research process processing maintain maintenance repair install operate
  adapt persist amuse delight absorb rage hack curl turing io ada go swift spring chef puppet
  shell dart gem rust crystal logo basic scratch elm red ring pure joy
  equipment material materials tool tools machine machinery product products goods stock
  energy fuel current resistance voltage power light sound noise heat water fire air gas oil
  gold silver clay iron steel wood glass paper plastic stone metal
  history literature politics logic ethics language
  database data information document documentation file system systems network software hardware
  computer internet web online digital technology
  health safety security quality risk law legal finance money cash budget cost price sale
  advertising media news art music dance sport game games
  diet hearing massage survey sampling copying reproduction rights collection
  collections highlighting chip equipment cameras camera sensor sensors dies die
  english welsh irish assembly google microsoft apple amazon facebook
  etc source ecosystem
  `
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
