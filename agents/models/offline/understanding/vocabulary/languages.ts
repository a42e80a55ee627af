/**
 * Words that show a message's language, with weights: 2 for words only that language uses, 1 for
 * weaker hints. Folded forms (no accents); `ACCENTED` lists forms whose accents decide es vs pt
 * ("año" vs "ano", "más" vs "mas"). Every word here is also a stopword for member matching.
 */
import type { Language } from "../../../../shared/language.ts";

function weights(strong: string, weak: string): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const word of weak.split(/\s+/).filter(Boolean)) map.set(word, 1);
  for (const word of strong.split(/\s+/).filter(Boolean)) map.set(word, 2);
  return map;
}

export const LANGUAGE_WORDS: Readonly<Record<Language, ReadonlyMap<string, number>>> = {
  en: weights(
    "the how much many what did does we our us is are was were of for with and yesterday today sales sell sold show which who why where should products orders customers " +
      "best worst compared than about please thanks thank you hi hello hey give tell going will campaigns revenue can run weather joke from since between " +
      "each only just ago before previous morning returning channel category refunds price prices cheaper inventory budget move reorder forecast doing business numbers whats " +
      "it on at to my were been have has had there their they them these those i am be get got do by new per out running would could selling items " +
      "help gross net profit profits segments segment average value values traffic source sources expect expected suggest suggestion shift between max where move compare " +
      "up down weekly monthly daily trend breakdown report summary overview spend spent cost costs buyers returns discounts shipping stock sellers bought buy " +
      "much more less most least than top-selling worst best-selling next last-year quarterly churn growth visitors visits clicks impressions " +
      "apply undo revert pricing suggestions pending approval overpriced underpriced expensive cheap lower raise " +
      "alerts digest notifications quiet night useful helpful send sent stop turn " +
      "forget remember decide decided talked discussed said asked never always",
    "in me a an write code sort list ads spend this week month year last quarter days next order value average rate conversion sessions revenue margin units customer growth mtd ytd qtd weekend",
  ),
  es: weights(
    "cuanto cuantos cuantas vendimos ventas venta ayer hoy anteayer antier pasada pasado el los las del al y con cual cuales productos producto ordenes facturacion mejores peores nuevos nuevas " +
      "presupuesto campanas campana tienda hay muy fue hicimos tenemos tengo van dame mostrame muestrame quiero necesito puedes podes hola gracias buenas buenos ultimo ultimos ultima ultimas " +
      "nosotros ganancia ganancias margen reembolsos devoluciones competencia inventario agotar agotan agoten agotarse reponer proyeccion pronostico diario clima chiste hasta solo tambien ahora pero donde deberia " +
      "septiembre setiembre octubre noviembre diciembre enero febrero marzo mayo junio julio plata usted ustedes vos sus nuestro nuestra nuestros nuevo nueva riesgo cayeron bajaron subieron " +
      "semana-pasada mes-pasado cada segun entre-los hace sobre estos estas esos esas eso esto aca aqui alli tambien porque pedimos tuvimos vendio vendieron facturamos decime dime mira che " +
      "trimestre manana quedan queda quedarnos sin cohorte cohortes proveedor quien quienes precios precio bajando subiendo sugerencias sugerencia tasa con vendido vendidos llevamos " +
      "deshacer deshace revertir aplicala baja bajala bajale sube subila subile cambia cambiale pendientes aprobacion cambios caros baratos " +
      "resumen mandame mandes mandaste envies enviaste notificaciones sirve sirvio silencio llego noche " +
      "olvida olvidalo olvidate recuerda recuerdas acuerdate anota hablamos dijimos pregunte dije",
    "que la en por como este esta estamos vamos de pedidos clientes unidades anterior mes semana desde a o no se me mi dias",
  ),
  pt: weights(
    "voce voces quanto quantos quantas vendas ontem hoje anteontem passada passado os do da das em um uma qual quais foi nao produtos produto melhores piores mais novos novas orcamento campanhas campanha loja tem temos tenho " +
      "fizemos quero preciso pode oi obrigado obrigada valeu bom boa esse essa isso nosso nossa nossos faturamento receita lucro margem devolucoes concorrentes concorrencia estoque esgotar acabar repor previsao projecao " +
      "setembro outubro novembro dezembro janeiro fevereiro maio junho julho ate pra pro ainda agora tambem onde deveria quando seu sua meu minha muito vai vao ja pelo pela coisa terca quarta feira vem " +
      "ultimos ultimas ultimo ultima anuncios piada futebol comparacao relacao cada segundo sobre estes estas esses essas aqui ali vendeu venderam faturamos mostra mostre ha faz ano anos " +
      "amanha restam sem pq analise coorte coortes fornecedor preciso precisamos taxa com quem baixou abaixo sugestao sugestoes preco precos vendendo desse dessa deste desta nesse nessa neste nesta " +
      "desfazer desfaz reverter aplique sobe baixa abaixa muda pendentes aprovacao mudancas alteracoes aplicadas aplicados " +
      "resumo notificacoes recebi mandou enviou relatorio desliga serve noite " +
      "esquece esqueca lembra lembre lembrar anote falamos perguntei disse",
    "que a o e no na nos nas por como este esta estamos vamos de pedidos clientes unidades anterior mes semana desde vendemos dos se me dias",
  ),
};

/** Accented forms that decide: "año", "más", "mês", "você", "não"… (lower case, as typed). */
export const ACCENTED: ReadonlyMap<string, Language> = new Map<string, Language>([
  ["año", "es"], ["años", "es"], ["más", "es"], ["qué", "es"], ["cuál", "es"], ["cuáles", "es"], ["cuánto", "es"], ["cuántos", "es"], ["cuántas", "es"], ["cómo", "es"], ["días", "es"],
  ["categoría", "es"], ["categorías", "es"], ["también", "es"], ["sí", "es"], ["él", "es"], ["tú", "es"], ["quién", "es"], ["dónde", "es"],
  ["mês", "pt"], ["você", "pt"], ["vocês", "pt"], ["não", "pt"], ["é", "pt"], ["até", "pt"], ["já", "pt"], ["também", "pt"], ["só", "pt"], ["três", "pt"],
  
]);

/** Letter patterns: ñ ¿ ¡ and -ción are Spanish; ã õ ç ê ô, -ção, -ções, -ões, lh, nh are Portuguese. */
export const LETTER_PATTERNS: ReadonlyArray<readonly [RegExp, Language, number]> = [
  [/[ñ¿¡]/, "es", 3],
  [/ci[oó]n(es)?$/, "es", 2],
  [/dad(es)?$/, "es", 1],
  [/[ãõç]/, "pt", 3],
  [/[êô]/, "pt", 2],
  [/(ção|ções|ões|ão)$/, "pt", 2],
  [/(cao|coes|oes)$/, "pt", 1],
  [/dade(s)?$/, "pt", 1],
  [/[a-z](lh|nh)[a-z]/, "pt", 1],
];

/**
 * Function words of the three languages (articles, pronouns, prepositions, auxiliaries, question
 * words): never a member's name on their own ("what"/"whats" is not WhatsApp, "la" is not "La Plata").
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the of for with and or to in on at by from as is are was were be been am do does did done can could will would should have has had " +
    "i me my we us our you your it its they them their he she his her this that these those there here what whats which who whom whose how hows why when where " +
    "el la los las lo un una unos unas de del al y o u en con por para sin sobre mi mis tu tus su sus nuestro nuestra nuestros nuestras es son fue fueron era " +
    "este esta estos estas ese esa esos esas eso esto que cual cuales quien quienes como donde cuando cuanto cuantos cuantas se me te le les nos " +
    "os as um uma uns umas do da dos das no na nos nas em com pra pro pelo pela meu minha meus minhas seu sua seus suas nosso nossa nossos nossas e foi foram " +
    "esse essa esses essas isso isto qual quais quem onde quanto quantos quantas voce voces"
  ).split(/\s+/),
);
