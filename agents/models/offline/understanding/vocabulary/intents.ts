/**
 * Cue phrases of each intent in English, Spanish and Portuguese (folded: no accents, lower case).
 * intents.ts weighs them; a cue is a hint, never a whole memorised sentence.
 */
import { phraseList, phraseTable, type Phrase } from "../phrases.ts";
import { PRICING_CUE_GROUPS, type PricingCue } from "./pricing.ts";

export const GREETING = phraseList(
  "hola|holaa|hi|hello|hey|buenas|buenos dias|buen dia|buenas tardes|buenas noches|bom dia|boa tarde|boa noite|oi|oie|ola|good morning|good afternoon|good evening|que tal|que onda|hey there|holis|saludos|e ai|eai|eae|iae|salve|tudo bem|todo bien|como estas|como va|how are you|whats up|sup|alo",
);

export const THANKS = phraseList(
  "that was useful|that s useful|thats useful|that was helpful|that s helpful|thats helpful|very useful|super useful|really useful|very helpful|muy util|super util|me sirvio|me re sirvio|muito util|foi util|me ajudou|me ayudo|" +
    "gracias|thanks|thank you|thx|ty|obrigado|obrigada|valeu|muchas gracias|mil gracias|muito obrigado|genial gracias|perfecto gracias|perfeito|perfecto|great thanks|cheers|buenisimo|excelente|joya|barbaro|de nada|ok gracias|dale gracias|brigado|ok|okay|oka|dale|listo|perfect|great|genial|entendido|entendi|got it|beleza|massa|otimo|buenisimo gracias",
);

export const HELP = phraseList(
  "what can you do|o que voce consegue fazer|que consegue fazer|what else can you do|que mas podes hacer|what do you do|what can i ask|how does this work|how do you work|help|ayuda|ayudame|que podes hacer|que puedes hacer|que haces|que sabes hacer|como funciona|como funcionas|como te uso|" +
    "o que voce faz|o que voce pode fazer|o que posso perguntar|que posso perguntar|ajuda|me ajuda|como voce funciona|comandos|commands|menu|que te puedo preguntar|que le puedo preguntar|what kinds of things can i ask|what kind of things can i ask|what can i ask you|que cosas te puedo preguntar|que tipo de cosas puedo preguntar|que tipo de coisas posso perguntar|o que da pra perguntar|instrucciones|instructions|who are you|quien sos|quien eres|quem e voce",
);

/** Topics that are not the business's data. */
export const OUT_OF_SCOPE = phraseList(
  "previsao do tempo|pronostico del clima|weather forecast|el tiempo manana|o tempo amanha|weather|clima|lluvia|llover|llueve|rain|chuva|chover|temperatura|temperature|pronostico del tiempo|que tiempo hace|forecast the weather|" +
    "football|futbol|futebol|soccer|partido de|partido del|quien gano|quem ganhou|who won|jogo do|world cup|mundial|messi|boca|river|flamengo|corinthians|palmeiras|nba|" +
    "joke|jokes|chiste|chistes|piada|piadas|funny|" +
    "recipe|recipes|receta|recetas|cocinar|cook|cozinhar|empanadas|asado|pizza|" +
    "python|javascript|typescript|codigo|program|programa en|write code|escribi codigo|html|sql query|" +
    "politics|politica|presidente|president|elecciones|eleicoes|election|elections|milei|lula|trump|" +
    "poem|poema|song|cancion|cancao|musica|movie|pelicula|filme|horoscopo|horoscope|capital de|capital of|translate|traduci|traduz|dolar blue|bitcoin|cripto|crypto|novia|namorada|girlfriend|boyfriend|" +
    "remedio|remedios|medicine|medicina|dor de cabeca|dolor de cabeza|headache|doctor|medico|dentista|dentist|sintomas|symptoms",
);

export type ChangeWhat = "price" | "budget" | "campaign" | "inventory" | "other";

/** Imperative or "I want to" verbs of changing something. */
export const CHANGE_VERBS = phraseList(
  "marca|marcar|marcalo|marcala|mark|marque|marcar como|baja|bajale|bajame|bajar|bajen|sube|subi|subile|subir|suban|subale|cambia|cambiale|cambiar|cambien|change|lower|raise|increase|decrease|reduce|reducir|reduci|set|pon|pone|poner|ponele|" +
    "aumenta|aumentale|aumentar|aumente|disminui|disminuye|disminuir|pausa|pausar|pause|pausea|pausame|stop|deten|detener|apaga|apagar|activa|activar|enciende|encender|prende|prender|turn off|turn on|" +
    "aplica|aplicar|aplique|apply|muda|mude|mudar|altera|altere|alterar|abaixa|abaixe|abaixar|suba|aumenta|reduza|reduzir|diminua|diminuir|ative|ativar|desative|desativar|desliga|desligar|liga|" +
    "update|actualiza|actualizar|atualiza|atualize|atualizar|edit|edita|editar|modifica|modificar|modify|ajusta|ajustar|adjust|descuenta|rebaja|rebajar|remarca|remarcar|" +
    "bump|hike|slash|cut|drop|mark down|mark up|sobe|subam|baixa|baixe|baixar|tira|tirar|tire|joga|jogar|jogue|coloca|colocar|coloque|bota|botar|bote|poe|quita|quitar|quitale|" +
    "cancela|cancelar|cancel|elimina|eliminar|delete|borra|borrar|add|agrega|agregar|adiciona|adicionar|carga|cargar|repone|mueve|move|mover|transfer|transfiere|transferir|lanza|lanzar|launch|crea|crear|create|cria|criar|envia|enviar|send|manda|mandar",
);

/** Polite leads before an imperative ("please", "can you", "podés", "quiero"). */
export const CHANGE_LEADS = phraseList(
  "please|por favor|pls|can you|could you|puedes|podes|podrias|pode|poderia|voce pode|quiero|quisiera|quero|i want to|i want you to|i need you to|necesito que|preciso que|me|te pido que|dale|ya|ahora|agora|now|ok|bueno|entonces|then|let s|lets|vamos a|vamos",
);

export const CHANGE_OBJECTS: readonly Phrase<ChangeWhat>[] = phraseTable<ChangeWhat>([
  ["price", "precio|precios|price|prices|preco|precos|valor|cuesta|sale|descuento|discount|desconto"],
  ["budget", "presupuesto|presupuestos|budget|budgets|orcamento|orcamentos|inversion|investimento|verba|puja|bid|gasto diario|daily budget"],
  ["campaign", "campana|campanas|campaign|campaigns|campanha|campanhas|anuncio|anuncios|ad|ads|adset|conjunto"],
  ["inventory", "stock|inventario|inventory|estoque|existencias|unidades|units"],
  ["other", "sugerencia|suggestion|sugestao|recomendacion|recommendation|recomendacao|propuesta|proposal|proposta|cupon|coupon|cupom|email|mail|mensaje|pedido|order"],
]);

export type ToolCue =
  | PricingCue
  | "inventory"
  | "overstock"
  | "days_of_stock"
  | "reorder"
  | "competitor"
  | "undercut"
  | "budget"
  | "reallocate"
  | "ads"
  | "cohort"
  | "rfm"
  | "forecast"
  | "anomaly"
  | "why"
  | "overview"
  | "data";

export const TOOL_CUES: readonly Phrase<ToolCue>[] = phraseTable<ToolCue>([
  ...PRICING_CUE_GROUPS,
  ["inventory", "se acaba|se acaban|se me acaba|se me acaban|se nos acaba|se nos acaban|me quedo sin|nos quedamos sin|vai acabar|vao acabar|esta acabando|estao acabando|stock|inventario|inventory|estoque|existencias|agotar|agotarse|agotan|agoten|agotado|agotados|se van a agotar|quedarnos sin|quedar sin|run out|running out|runs out|out of stock|sin stock|sem estoque|vao acabar|vai acabar|acabar o estoque|esgotar|esgota|esgotados|esgotado|ruptura|quiebre|quiebre de stock|stockout|stock out|stocking out|stock outs|sold out|warehouse|deposito|vai faltar|vao faltar|va a faltar|van a faltar|se va a faltar|going to run short|run short"],
  ["overstock", "sobrestockeado|sobrestockeados|sobrestockeada|sobrestockeadas|sobreestock|sobre estoque|sobrestoque|overstock|overstocked|sobrestock|sobre stock|exceso de stock|excess stock|excesso de estoque|estoque parado|stock parado|encalhado|encalhados|sobra stock|too much stock|demasiado stock|muito estoque|mucho stock|sobrando|dead stock|no se mueve|no rota|nao gira"],
  ["days_of_stock", "days of stock|dias de stock|dias de estoque|dias de inventario|days of inventory|cobertura|coverage|how long will|cuanto dura|cuanto me dura|cuanto nos dura|quanto dura|how long does|how much stock|cuanto stock|quanto estoque|niveles de stock|stock levels|nivel de estoque|stock on hand|stock actual|estoque atual|tengo en stock|temos em estoque|tenemos en stock"],
  ["reorder", "resurtir|resurtimos|resurto|surtir|reorden|reordenar|reorder|restock|reponer|repongo|reposicion|repor|reposicao|reabastecer|reabastecimiento|reabastecimento|comprar mas|pedir al proveedor|pedir mais|purchase order|orden de compra|pedido de compra|que tengo que comprar|what should i order|what should i buy|o que devo comprar|que compro|que pido|cuanto pido|cuanto compro|quanto comprar|quanto pedir|how much should i order|how much to order|que debo comprar|que deberia comprar|replenish|lead time|punto de pedido|ponto de pedido|reorder point"],
  ["competitor", "competencia|competidor|competidores|competitor|competitors|competition|concorrente|concorrentes|concorrencia|rival|rivales|rivais|precios de la competencia|competitor prices|precos dos concorrentes|price comparison|comparar precios|comparacao de precos"],
  ["undercut", "bajando precios|bajando los precios|bajando el precio|bajaron precios|bajaron los precios|baixou preco|baixou o preco|baixou precos|baixaram precos|baixando precos|baixando preco|abaixo do nosso|abaixo dos nossos|por debajo del nuestro|por debajo de nosotros|below ours|cheaper than ours|undercut|undercutting|cheaper than us|cheaper than we|mas barato que nosotros|mas baratos que nosotros|mas barato que yo|mais barato que nos|mais baratos que nos|mais barato que a gente|por debajo de nuestro precio|abaixo do nosso preco|below our price|nos ganan en precio|beat our price|beat us on price|who is cheaper|quien esta mas barato|quem esta mais barato|bajaron el precio|baixaram o preco|lower prices than us|precio mas bajo que nosotros|nos gano en precio|nos ganaron en precio|nos gana en precio|gano en precio|ganaron en precio|beat us on price|beaten on price|ganhou no preco|ganharam no preco|bateu nosso preco|bateram nosso preco"],
  ["budget", "presupuesto|presupuestos|budget|budgets|orcamento|orcamentos|verba|la plata de ads|inversion publicitaria|ad budget"],
  ["reallocate", "move ad budget|move the budget|move my budget|budget shift|shift the budget|split the budget|split budget|reparto el presupuesto|repartir el presupuesto|reparto mejor el presupuesto|dividir el presupuesto|dividir o orcamento|dividir melhor o orcamento|mover a verba|mover la plata|distribuir el presupuesto|distribuir o orcamento|move budget|mover presupuesto|mover el presupuesto|redistribuir|redistribute|reallocate|reallocation|realocar|realocacao|reasignar|reasignacion|shift budget|where should i put|where should i invest|where should i spend|donde invierto|donde pongo|donde deberia invertir|donde deberia poner|onde investir|onde devo investir|onde colocar|onde por|mover verba|mover o orcamento|redistribuicao|rebalance|rebalancear|optimize budget|optimizar presupuesto|otimizar orcamento"],
  ["ads", "campana|campanas|campaign|campaigns|campanha|campanhas|ads|ad|anuncios|anuncio|publicidad|advertising|marketing|pauta|pautas|paid|facebook ads|google ads|meta ads|tiktok ads|instagram ads|performance de ads|adsets|ad sets|creativos|criativos|creatives"],
  ["cohort", "cohort|cohorts|cohorte|cohortes|coorte|coortes|retention|retencion|retencao|retain|retienen|ltv|lifetime value|valor de vida|valor vitalicio|life time value|customer lifetime|vuelven a comprar|voltam a comprar|come back|repeat after|retenidos|retidos"],
  ["rfm", "rfm|segmentos|segmento|segments|segment|segmentacion|segmentacao|segmentation|segmentar|mejores clientes|best customers|melhores clientes|top clientes|top customers|clientes vip|vip customers|vips|clientes en riesgo|at risk|em risco|en riesgo|clientes dormidos|clientes inactivos|inactive customers|clientes inativos|hibernating|hibernando|campeones|champions|campeoes|leales|loyal|fieis|fiéis|clientes perdidos|lost customers|clientes fieles|clientes leales|clientes fieis|clientes que no vuelven|clientes que nao voltam|customers who stopped buying|dejaron de comprar|pararam de comprar|a punto de irse|about to sleep|no podemos perder|cannot lose"],
  ["forecast", "should we expect|should i expect|can we expect|can i expect|vamos a tener|vamos ter|will we have|will we get|vamos tener|forecast|forecasts|pronostico|pronosticos|proyeccion|proyecciones|projecao|projecoes|previsao|previsoes|prediccion|predict|prediction|estimacion|estimate|estimativa|vamos a vender|vamos vender|will we sell|are we going to sell|going to sell|vamos a facturar|vamos faturar|deve faturar|devemos faturar|vai faturar|vamos faturar|deberiamos facturar|deberiamos vender|deve vender|devemos vender|should we make|should we sell|will we make|expect to sell|esperamos vender|esperar vender|vamos a cerrar|vamos fechar|projection|projected|proyectado|projetado|outlook|perspectiva"],
  ["anomaly", "anomalia|anomalias|anomaly|anomalies|anomalo|raro|rara|extrano|extrana|estranho|estranha|unusual|weird|odd|strange|spike|spikes|pico|picos|caida|caidas|cayeron|cayo|bajaron|bajo mucho|se desplomo|dropped|drop|drops|fell|plunged|tanked|dip|caiu|cairam|despencou|despencaram|queda|quedas|saltaron|se dispararon|dispararam|jumped|surged|outlier|outliers|algo raro|algo estranho|something wrong|something off|que paso|what happened|o que aconteceu|que aconteceu|que ocurrio|que sucedio"],
  ["why", "why|por que|porque|por qu|pq|xq|how come|como es que|explain|explica|explicame|explique|motivo|razon|razao|reason|causa|cause"],
  ["overview", "how are we doing|how are we|how is business|how s business|hows business|how did we do|how are things|como vamos|como venimos|como estamos|como nos fue|como nos va|como va el negocio|como esta el negocio|como va todo|como estamos indo|como vamos indo|como foi|como foram|como esta a loja|como vai o negocio|como vai a loja|resumen|summary|resumo|overview|panorama|kpis|kpi|metricas principales|principales numeros|main numbers|dashboard|reporte general|relatorio geral|status|estado del negocio|state of the business|numeros generales|visao geral|vision general|balance|crecimos|crecemos|crecio|crescemos|crescimos|cresceu|grew|did we grow|are we growing|mejoramos|melhoramos|empeoramos|pioramos"],
  ["data", "datos|data|numeros|numbers|metricas|metrics|estadisticas|stats|statistics|info|informacion|informacao|reporte|report|relatorio|cifras|figures|results|resultados|desempeno|desempenho|performance|rendimiento|como les fue|how did they do|como le fue|como van|how are they doing|como estao|como esta|how is|how are|como va"],
]);

/** RFM segment names people say → the tool's segment ids. */
export const RFM_SEGMENT_PHRASES: readonly Phrase<string>[] = phraseTable<string>([
  ["champions", "champions|campeones|campeoes|mejores clientes|best customers|melhores clientes|top clientes|top customers|clientes vip|vip customers|vips"],
  ["loyal", "loyal|leales|fieis|clientes fieles|clientes leales|clientes fieis|loyal customers"],
  ["at_risk", "at risk|en riesgo|em risco|clientes en riesgo|a punto de irse|dejaron de comprar|pararam de comprar|customers who stopped buying|clientes que no vuelven|clientes que nao voltam"],
  ["hibernating", "hibernating|hibernando|clientes dormidos|clientes inactivos|inactive customers|clientes inativos|dormidos"],
  ["lost", "lost|clientes perdidos|lost customers|perdidos"],
  ["cannot_lose_them", "cannot lose|no podemos perder|nao podemos perder|cant lose"],
  ["about_to_sleep", "about to sleep|a punto de dormir|quase dormindo"],
  ["new_customers", "new customers segment|segmento nuevos"],
  ["potential_loyalists", "potential loyalists|potenciales leales|potenciais fieis"],
  ["need_attention", "need attention|necesitan atencion|precisam de atencao"],
  ["promising", "promising|prometedores|promissores"],
]);
