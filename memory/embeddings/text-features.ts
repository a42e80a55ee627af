/**
 * Text folding for the offline embedder: lower case without accents, words, the function words of
 * English, Spanish and Portuguese that carry no topic, and a light suffix-stripping stemmer shared by
 * the three languages. The stemmer is deliberately crude and language-blind (messages mix languages,
 * and a wrong language guess would cost more than a shared rule set): what matters is that the
 * inflections of one word meet ("vendemos", "vendas", "vender" → "vend"; "ordered", "orders" → "ord"),
 * and that Romance and English cognates often do ("promoción", "promoção", "promotion" → "prom").
 */

/** Lower case with accents dropped ("Promoção" → "promocao", "año" → "ano"). */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The folded words of a text: letters and digits, keeping "20%" and "3.5" whole. */
export function words(text: string): string[] {
  const folded = fold(text).replace(/[’']/g, "");
  return folded.match(/\d+(?:[.,]\d+)*%?|[a-z0-9]+/g) ?? [];
}

/**
 * Words that say nothing about the topic, in any of the three languages: articles, pronouns,
 * prepositions, auxiliaries, and the framing of a recall question ("what did we say about…",
 * "¿qué te pregunté…?", "você lembra…"), which the stored message never contains.
 */
const STOP_WORDS = new Set(
  [
    // English
    "a an the this that these those it its of to in on at for from by with about as and or but if so than then there here",
    "i me my we us our you your he she they them their his her be is am are was were been being do does did done have has had",
    "will would shall should can could may might must not no yes ok okay please just also too very really again still only all any some",
    "what which who whom whose when where why how whats lets let want wanted going get got put make made someone something idea",
    "say said tell told ask asked talk talked talking discuss discussed mention mentioned remember recall remind thing things stuff",
    // Spanish
    "el la los las un una unos unas lo al del de en con por para sin sobre y o u pero si que se su sus mi mis tu tus nos nuestro nuestra",
    "nuestros nuestras es son era eran fue fueron ser estar esta estan estaba estaban este esto estos estas ese esa eso esos esas",
    "hay ha han he hemos habia le les me te mas muy ya tambien como cuando donde cual cuales quien porque pues entonces aqui alli",
    "dijimos dije dijiste dijo pregunte preguntaste pregunto hablamos hablaste hable acuerdas recuerdas recuerdo cosa cosas",
    "cuanto cuanta cuantos cuantas vamos iba ibamos hacer hicimos hizo alguien algo idea",
    // Portuguese
    "o os as um uma uns umas do da dos das no na nos nas ao aos em com por pelo pela para sem sobre e ou mas se que seu sua seus",
    "suas meu minha meus minhas nosso nossa nossos nossas voce voces eu ele ela eles elas foi foram ser estar esta estao estava",
    "isso isto esse essa este aquele aquela tem temos tinha ja tambem muito mais como quando onde qual quais quem porque entao aqui",
    "dissemos disse perguntei perguntou falamos falei lembra lembro coisa coisas",
    "quanto quanta quantos quantas vamos ia iamos fazer fizemos fez alguem algo gente pra pro aquela aquele aquilo historia ideia",
  ]
    .join(" ")
    .split(" "),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * Suffixes stripped, longest first: Romance derivations that have English cognates (-ción/-ção/-tion),
 * Spanish and Portuguese verb endings, English -ing/-ed, plurals, and a final vowel. The stem keeps
 * at least three letters.
 */
const SUFFIXES = [
  "amientos", "imientos", "amiento", "imiento", "aciones", "iciones", "ciones", "mente", "tions", "sions", "coes", "soes",
  "idades", "idade", "idad", "dades", "dade", "dad", "cion", "tion", "sion", "cao", "sao",
  "aremos", "eremos", "iremos", "ariamos", "abamos", "amos", "emos", "imos", "aron", "ieron", "eron", "aram", "eram", "iram",
  "aste", "iste", "ando", "endo", "indo", "ados", "adas", "idos", "idas", "ado", "ada", "ido", "ida", "ings", "ing",
  "ies", "es", "os", "as", "ed", "ar", "er", "ir", "ou", "iu", "eu", "ei", "ly", "s", "a", "e", "o",
];
const MIN_STEM = 3;

function stripOnce(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/**
 * The stem of a folded word: up to two suffixes stripped, so that "orders" → "order" → "ord" meets
 * "order" → "ord". Numbers and short words are kept as they are.
 */
export function stem(word: string): string {
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  return stripOnce(stripOnce(word));
}
