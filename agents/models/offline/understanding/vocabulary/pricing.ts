/**
 * Pricing words (folded, no accents): questions for price suggestions and for the price-change
 * log, and the orders that propose a change ("baja la remera a 399"), apply a suggestion
 * ("aplicá la 2", "apply K7QD") or undo an applied change ("deshacer 4F2K").
 */
import { phraseList, phraseTable, type Phrase } from "../phrases.ts";

/**
 * Cues of the pricing tools. Strong cues win over a competitor cue ("which products are too
 * expensive vs competitors"); weak ones ("estamos caros", "price changes") only without one
 * ("estamos caros vs la competencia?" stays a comparison).
 */
export type PricingCue = "pricing" | "overpriced" | "underpriced" | "expensive" | "cheap" | "approvals" | "price_changes";

export const PRICING_CUE_GROUPS: ReadonlyArray<readonly [PricingCue, string]> = [
  [
    "pricing",
    "que precios deberia ajustar|que precios deberia cambiar|que precios debo ajustar|que precios debo cambiar|que precios cambio|que precios ajusto|que precios tengo que cambiar|que precios tengo que ajustar|" +
      "que precios conviene cambiar|que precios conviene ajustar|que precios deberiamos ajustar|que precios deberiamos cambiar|cuales precios deberia ajustar|cuales precios cambio|precios a ajustar|precios para ajustar|" +
      "ajustar precios|ajustar los precios|ajuste de precios|ajustes de precio|ajustes de precios|sugerencias de precio|sugerencias de precios|sugerencia de precio|sugerencia de precios|sugerencias de pricing|" +
      "recomendaciones de precio|recomendaciones de precios|precios sugeridos|precio sugerido|optimizar precios|optimizar los precios|revisar precios|revisar los precios|" +
      "pricing suggestions|pricing suggestion|price suggestions|price suggestion|pricing recommendations|price recommendations|suggested prices|suggested price|which prices should i change|which prices should i adjust|" +
      "what prices should i change|what prices should i adjust|which prices should we change|which prices should we adjust|what prices should we change|what prices should we adjust|prices should i change|prices should i adjust|" +
      "prices should we change|prices should we adjust|prices to change|prices to adjust|repricing|reprice|price optimization|optimize prices|optimize our prices|should i change any prices|should i change prices|should i adjust prices|" +
      "sugestoes de preco|sugestoes de precos|sugestao de preco|sugestao de precos|recomendacoes de preco|recomendacoes de precos|precos sugeridos|preco sugerido|quais precos devo ajustar|quais precos devo mudar|quais precos devo alterar|" +
      "quais precos ajustar|quais precos mudar|quais precos eu devo ajustar|quais precos eu devo mudar|que precos devo ajustar|que precos devo mudar|ajustar precos|ajustar os precos|ajuste de precos|ajustes de preco|ajustes de precos|" +
      "otimizar precos|otimizar os precos|revisar precos|revisar os precos",
  ],
  [
    "overpriced",
    "overpriced|over priced|too expensive|too pricey|priced too high|prices too high|above market|above the market|where are we expensive|where are we too expensive|should i lower prices|should we lower prices|lower prices|lower our prices|cut prices|price cuts|" +
      "muy caros|muy caro|muy caras|demasiado caros|demasiado caro|demasiado caras|por encima del mercado|arriba del mercado|donde estamos caros|en que estamos caros|precios altos|precios muy altos|bajar precios|bajar los precios|reducir precios|deberia bajar|deberiamos bajar|" +
      "caros demais|caro demais|muito caros|muito caro|acima do mercado|onde estamos caros|em que estamos caros|precos altos|precos muito altos|baixar precos|baixar os precos|reduzir precos|devo baixar|devemos baixar",
  ],
  [
    "underpriced",
    "underpriced|under priced|too cheap|priced too low|prices too low|below market|below the market|room to raise|room to raise prices|where can i raise|where can we raise|should i raise prices|should we raise prices|raise prices|raise our prices|price increases|" +
      "muy baratos|muy barato|muy baratas|demasiado baratos|demasiado barato|demasiado baratas|por debajo del mercado|margen para subir|espacio para subir|donde puedo subir|donde podemos subir|subir precios|subir los precios|aumentar precios|aumentar los precios|precios bajos|precios muy bajos|deberia subir|deberiamos subir|" +
      "baratos demais|barato demais|muito baratos|muito barato|abaixo do mercado|onde posso subir|onde posso aumentar|onde podemos aumentar|subir precos|subir os precos|aumentar precos|aumentar os precos|precos baixos|precos muito baixos|devo subir|devo aumentar|devemos aumentar",
  ],
  ["expensive", "estamos caros|estamos caro|estamos caras|somos caros|estamos mas caros|estamos por encima|precios estan por encima|estamos acima|estamos mais caros|precos estao acima|are we expensive|we re expensive|we are expensive|are we pricier|precios caros|precos caros"],
  ["cheap", "estamos baratos|estamos barato|estamos baratas|somos baratos|estamos mas baratos|estamos por debajo|estamos abaixo|estamos mais baratos|are we cheap|we re cheap|we are cheap|precios baratos|precos baratos"],
  [
    "approvals",
    "pending approval|pending approvals|awaiting approval|waiting for approval|waiting on approval|needs approval|need approval|to approve|pendientes de aprobacion|pendiente de aprobacion|pendientes de aprobar|esperando aprobacion|por aprobar|sin aprobar|" +
      "aprobaciones pendientes|falta aprobar|pendentes de aprovacao|pendente de aprovacao|aguardando aprovacao|esperando aprovacao|aprovacoes pendentes|falta aprovar|para aprovar|price proposals|price change proposals|propuestas de precio|propuestas de cambio de precio|propostas de preco|propostas de mudanca de preco",
  ],
  [
    "price_changes",
    "price changes|price change|price change history|pricing history|price history|changes to prices|changes we made to prices|cambios de precio|cambio de precio|cambios de precios|cambios en los precios|cambios de los precios|historial de precios|historial de cambios|" +
      "mudancas de preco|mudanca de preco|mudancas de precos|mudancas nos precos|alteracoes de preco|alteracoes de precos|alteracao de preco|historico de precos|historico de mudancas",
  ],
];

export type PriceChangeStatus = "pending" | "applied" | "all";

/** Which proposals a price-change question asks about. */
export const PRICE_CHANGE_STATUS: readonly Phrase<PriceChangeStatus>[] = phraseTable<PriceChangeStatus>([
  ["pending", "pending|pendiente|pendientes|pendente|pendentes|awaiting|waiting|esperando|aguardando|por aprobar|sin aprobar|to approve|para aprobar|para aprovar|falta aprobar|falta aprovar|not approved|no aprobados|nao aprovados|approval|approvals|aprobacion|aprobaciones|aprovacao|aprovacoes"],
  ["applied", "applied|aplicado|aplicados|aplicada|aplicadas|aplicaron|se aplicaron|foram aplicadas|foram aplicados|live|undoable|puedo deshacer|podemos deshacer|posso desfazer|can i undo|can we undo|went live|en vigor|vigentes|em vigor"],
  ["all", "history|historial|historico|all|todos|todas|every|log|recent|recientes|recentes"],
]);

export type PriceDirection = "lower" | "raise" | "set";

/** Verbs that order a price change, by direction; clitic forms ("bájala", "make it") point at the thread's product. */
export const PRICE_VERBS: readonly Phrase<PriceDirection>[] = phraseTable<PriceDirection>([
  [
    "lower",
    "baja|bajale|bajala|bajalo|bajame|bajar|bajarle|bajen|bajemos|rebaja|rebajale|rebajala|rebajar|descuenta|descontale|lower|reduce|reducir|reduci|reducile|reducila|decrease|cut|drop|slash|mark down|markdown|" +
      "disminui|disminuye|disminuir|abaixa|abaixe|abaixar|baixa|baixe|baixar|reduza|reduzir|diminui|diminua|diminuir",
  ],
  [
    "raise",
    "sube|subi|subile|subila|subilo|subele|subela|subelo|subir|subirle|suban|subale|subamos|aumenta|aumentale|aumentala|aumentalo|aumentar|aumente|aumentem|encarece|raise|increase|bump|bump up|hike|mark up|markup|" +
      "sobe|suba|subam",
  ],
  [
    "set",
    "set|cambia|cambiale|cambiala|cambialo|cambiar|cambien|change|pon|pone|ponele|ponela|ponelo|poner|ponle|ponla|deja|dejala|dejalo|dejar|make it|make that|muda|mude|mudar|altera|altere|alterar|coloca|colocar|coloque|bota|bote|botar|poe|" +
      "update|actualiza|actualizar|atualiza|atualize|atualizar|ajusta|ajustale|ajustar|adjust|fija|fijale|fijar|fixa|fixar|edit|edita|editar|modifica|modificar|modify|hacela|hacelo|put|deixa|deixe|deixar|cobra|cobrale|charge|price it|prices it",
  ],
]);

/** Verb forms that carry their object ("bájala", "make it", "ponela"): with only a price they mean the thread's product. */
export const CLITIC_PRICE_VERBS = phraseList(
  "bajala|bajalo|bajale|rebajala|subila|subilo|subile|subela|subelo|subele|aumentala|aumentalo|aumentale|cambiala|cambialo|cambiale|ponela|ponelo|ponele|ponla|dejala|dejalo|hacela|hacelo|fijale|ajustale|cobrale|make it|make that|price it|" +
    "set it|change it|lower it|raise it|drop it|cut it|bump it|put it|update it|reduce it|increase it|abaixa pra|baixa pra|sobe pra|muda pra|coloca pra|deixa por|deixa em|deja en|abaixa para|baixa para|sobe para|muda para|coloca para",
);

/** Objects that point back at the thread's product: "lower ours", "sube el nuestro", "baixa o nosso", "set it". */
export const BACK_REFERENCES = phraseList("it|ours|that one|this one|el nuestro|la nuestra|el mio|la mia|o nosso|a nossa|o meu|a minha|ese|esa|esse|essa|isso|eso");

/** Leads before a price order: polite words and the follow-up "and", "y", "e", "then". */
export const PRICE_LEADS = phraseList(
  "please|por favor|pls|can you|could you|puedes|podes|podrias|pode|poderia|voce pode|quiero|quisiera|quero|i want to|i want you to|i d like to|id like to|i need you to|necesito que|preciso que|me|te pido que|dale|ya|ahora|agora|now|ok|okay|bueno|entonces|then|let s|lets|vamos a|vamos|" +
    "and|y|e|but|pero|mas|actually|mejor|better|so|en realidad|na verdade|tambien|also|tambem|hola|hi|hey|oi|ola|ah|oh",
);

/** Verbs that propose a listed suggestion ("aplicá la 2", "do #3", "aplique a sugestão 1"). */
export const APPLY_VERBS = phraseList(
  "apply|aplica|aplicala|aplicalo|aplicale|aplicar|aplique|aplicamos|do|haz|hace|hacela|faz|faca|use|usa|usar|go with|vamos con|vamos com|ejecuta|ejecutar|executa|executar|take|toma|propose|propone|proponer|propoe|propor|approve|aprueba|aprobar|aprova|aprovar|quiero la|quero a|i ll take|ill take",
);

/** Words that name a suggestion in a list. */
export const SUGGESTION_WORDS = phraseList(
  "sugerencia|sugerencias|suggestion|suggestions|sugestao|sugestoes|recomendacion|recommendation|recomendacao|opcion|option|opcao|item|numero|number|nro|no|n|code|codigo|one|uno|una|fila|row|linea|line",
);

/** Ordinal words ("la segunda", "the third one") → rank. */
export const ORDINALS: readonly Phrase<number>[] = phraseTable<number>([
  [1, "primera|primero|primer|first|primeira|primeiro|1st|1ra|1ro|1a|1o"],
  [2, "segunda|segundo|second|2nd|2da|2do|2a|2o"],
  [3, "tercera|tercero|tercer|third|terceira|terceiro|3rd|3ra|3ro|3a|3o"],
  [4, "cuarta|cuarto|fourth|quarta|quarto|4th|4ta|4to|4a|4o"],
  [5, "quinta|quinto|fifth|5th|5ta|5to|5a|5o"],
]);

/** Verbs that undo an applied price change. */
export const UNDO_VERBS = phraseList(
  "undo|revert|roll back|rollback|deshacer|deshace|deshaz|deshacelo|deshacela|revertir|reverti|revertilo|revierte|desfazer|desfaz|desfaca|desfaz o|reverter|reverta|reverte|volver atras|voltar atras",
);

/** Words before a number that make it a relative amount ("bajala en 500", "by 5"): no target price. */
export const BY_WORDS = new Set(["by", "en", "em"]);
/** Words before a number that make it the new price ("a 399", "to 24.99", "pra 89,90"). */
export const TO_WORDS = new Set(["a", "to", "para", "pra", "at", "en", "em", "por", "al"]);
/** Words that only say "the price of": no product name. */
export const PRICE_FILLER = new Set([
  "el", "la", "los", "las", "lo", "le", "the", "o", "a", "os", "as", "de", "del", "do", "da", "dos", "das", "of", "for", "para", "pra", "pro", "on", "en", "em", "no", "na", "al", "to", "by", "un", "una", "um", "uma",
  "precio", "precios", "price", "prices", "preco", "precos", "valor", "it", "its", "that", "this", "ese", "esa", "este", "esta", "esse", "essa", "isso", "eso", "esto", "ours", "our", "nuestro", "nuestra", "nosso", "nossa",
  "pesos", "peso", "reais", "real", "dolares", "dollars", "dollar", "bucks", "usd", "ars", "mxn", "brl", "mil", "k", "un", "poco", "bit", "little", "mas", "more", "menos", "less", "porciento", "por", "ciento", "cento", "percent", "pct",
  "please", "favor", "pls", "ya", "now", "ahora", "agora", "hoy", "today", "hoje", "tambien", "too", "also", "tambem", "y", "and", "e", "then", "entonces",
]);
