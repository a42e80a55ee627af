/**
 * Memory words (folded, no accents): asking what was said or decided before ("what did we decide
 * about…", "¿qué te pregunté ayer…?", "o que conversamos sobre…"), asking to keep a fact ("remember
 * that…", "anota que…", "lembre que…"), stating one ("we never discount…", "nuestro costo… subió a…"),
 * and forgetting ("forget that", "olvídalo", "esquece isso"). memory-orders.ts weighs them.
 */
import { phraseList, phraseTable, type Phrase } from "../phrases.ts";

/** What a recall question looks for: questions and answers, decisions, or anything said. */
export type RecallCue = "asked" | "decided" | "said";

/** Questions about earlier conversations. */
export const RECALL_CUES: readonly Phrase<RecallCue>[] = phraseTable<RecallCue>([
  [
    "asked",
    "que pregunto|lo que pregunto|o que perguntou|perguntou sobre|what did i ask|what i asked|what was i asking|did i ask|i asked you|que te pregunte|que le pregunte|lo que te pregunte|que pregunte|te pregunte|o que eu te perguntei|o que te perguntei|o que eu perguntei|eu te perguntei|te perguntei|o que perguntei",
  ],
  [
    "decided",
    "que decidio|que decidieron|o que decidiu|o que decidiram|what did we decide|what we decided|did we decide|what was decided|what was the decision|we agreed|what did we agree|que decidimos|lo que decidimos|que quedamos|en que quedamos|que se decidio|que acordamos|o que decidimos|o que a gente decidiu|o que ficou decidido|o que combinamos|combinamos",
  ],
  [
    "said",
    "que dijo|que comento|que menciono|o que disse|o que falou|o que comentou|what did i say|what did i tell you|what did you say|what did you tell me|you told me|i told you|we talked about|did we talk about|we discussed|did we discuss|we spoke about|did i mention|i mentioned|do you remember|remind me what|remind me|earlier you said|last time we|" +
      "que te dije|que me dijiste|me dijiste|te dije|hablamos de|hablamos sobre|de que hablamos|hablamos|comentamos|conversamos sobre|mencione|te acuerdas|recuerdas|recuerdame|lo que dijimos|lo que me dijiste|" +
      "o que eu disse|o que eu te disse|o que voce disse|o que voce me disse|voce me disse|eu te disse|falamos sobre|falamos de|conversamos|comentamos sobre|mencionei|voce lembra|se lembra|lembra do|lembra da|me lembra|me lembre",
  ],
]);

/** "what did Ana ask/say/decide…", "¿qué dijo Beto…?", "o que a Carla disse…": someone named between the question word and the verb. */
export const THIRD_PERSON_RECALL: readonly RegExp[] = [
  /^(?:and |so |ok )?what did (?:\S+ ){1,2}(ask|say|tell|decide|mention|suggest|propose)\b/,
  /^(?:y )?que (?:\S+ ){0,2}(pregunto|dijo|decidio|decidieron|comento|menciono|propuso)\b/,
  /^(?:e )?o que (?:\S+ ){0,2}(perguntou|disse|decidiu|decidiram|falou|comentou|mencionou|propos)\b/,
];

/** Leads that ask to keep a fact: "remember that …", "anota que …", "lembre que …". */
export const REMEMBER_LEADS = phraseList(
  "remember that|remember|please remember|note that|make a note|take note|keep in mind|for the record|fyi|" +
    "recuerda que|recuerda|acuerdate que|acuerdate de que|anota que|anota|toma nota|ten en cuenta que|ten en cuenta|para que sepas|que conste|" +
    "lembre que|lembra que|lembre se que|anote que|anota ai|toma nota|tome nota|tenha em mente|fica sabendo|para constar",
);

/** Forgetting: "forget that", "olvídalo", "esquece isso", "forget what I said about…". */
export const FORGET_VERBS = phraseList("forget|olvida|olvidate|olvidalo|olvidate de|borra|borralo|esquece|esqueca|esquecer|apaga|apague|delete that|remove that fact");

/** Words that point back at the last thing said: "forget that", "olvida eso", "esquece isso". */
export const THAT_WORDS = phraseList("that|it|this|eso|esto|lo|isso|isto|aquilo|that fact|ese dato|esse dado|ese hecho|esse fato|that note|the last one|lo ultimo|o ultimo");

/** "about": what follows names the subject ("forget what I said about the Classic line", "sobre Meta"). */
export const ABOUT_WORDS = phraseList("about|regarding|on|sobre|acerca de|respecto a|respecto de|de|del|da|do|das|dos|com relacao a|a respeito de");

/** Statements of a lasting fact, said without "remember": a policy, a cost, a decision. */
export const FACT_STATEMENT_CUES = phraseList(
  "we never|we always|we dont|we do not|we don t|never discount|our cost|our costs|the cost of|cost went up|cost went down|costs went up|we decided|we have decided|from now on|going forward|" +
    "nunca hacemos|nunca damos|nunca descontamos|nunca ponemos|siempre hacemos|no hacemos descuentos|nuestro costo|el costo de|el costo del|nuestro coste|decidimos|hemos decidido|a partir de ahora|de ahora en adelante|" +
    "nunca fazemos|nunca damos|nunca descontamos|nao damos desconto|nao fazemos desconto|nosso custo|o custo do|o custo da|decidimos|a partir de agora|daqui pra frente|daqui para frente",
);

/** Words that make a message a question even without "?". */
export const QUESTION_WORDS = phraseList("what|which|when|who|why|how|did|do|does|que|cual|cuales|cuando|quien|por que|como|o que|qual|quais|quando|quem|por que");

/** Kinds of thing referred to by kind: "the product we talked about", "la campaña que comentamos". */
export const SUBJECT_KIND_WORDS: readonly Phrase<"product" | "campaign" | "competitor">[] = phraseTable<"product" | "campaign" | "competitor">([
  ["product", "product|products|item|sku|producto|productos|articulo|produto|produtos|item"],
  ["campaign", "campaign|campaigns|ad|ads|campana|campanas|anuncio|campanha|campanhas"],
  ["competitor", "competitor|competitors|competidor|competidores|concorrente|concorrentes|competencia|concorrencia"],
]);
