/**
 * Notification words (folded, no accents): what a member receives (the daily digest, alerts, the
 * weekly report, quiet hours), on which channel, and the verbs that turn them on or off, move them
 * or show them; "why did you send me this?" and feedback on a notification ("no me sirve").
 * notification-orders.ts weighs them; times of day are read from the text itself.
 */
import type { IdentityChannel } from "../../../../../db/schema/core.ts";
import { phraseList, phraseTable, type Phrase } from "../phrases.ts";

/** generic: "notifications" (the digest and alerts); quiet: quiet hours. */
export type NotificationObject = "digest" | "alerts" | "weekly" | "quiet" | "generic";

/** Objects that are only ours: named with a setting verb, a channel or a time, or asked about. */
export const NOTIFICATION_OBJECTS: readonly Phrase<NotificationObject>[] = phraseTable<NotificationObject>([
  [
    "digest",
    "digest|daily digest|morning digest|the digest|digests|daily summary|morning summary|daily report|morning report|daily email|resumen diario|resumen de la manana|resumen matutino|resumen del dia|reporte diario|informe diario|" +
      "el resumen diario|resumo diario|resumo da manha|resumo do dia|relatorio diario|o resumo diario",
  ],
  ["alerts", "alerts|alert|alertas|alerta|avisos urgentes|alertas urgentes|urgent alerts|real time alerts|alertas en tiempo real|alertas em tempo real"],
  [
    "weekly",
    "weekly report|weekly summary|weekly digest|weekly email|monday report|reporte semanal|informe semanal|resumen semanal|reporte de los lunes|resumen de los lunes|relatorio semanal|resumo semanal|relatorio de segunda",
  ],
  [
    "quiet",
    "quiet hours|quiet time|do not disturb|dont disturb|don t disturb|no molestar|no me molestes|horario de silencio|horas de silencio|modo silencio|horario silencioso|nao perturbe|nao me perturbe|nao incomodar|nao me incomode|horario de silencio|modo silencioso",
  ],
  ["generic", "notifications|notification|notificaciones|notificacion|notificacoes|notificacao|notifs|pings|mensajes automaticos|mensagens automaticas"],
]);

/** Words that name the digest only with a setting signal ("mándame el resumen a las 7"); alone they ask for a data summary. */
export const WEAK_DIGEST = phraseList("resumen|resumenes|resumo|resumos|summary|summaries|reporte|informe|relatorio|report|briefing|boletin|boletim");

export const CHANNEL_WORDS: readonly Phrase<IdentityChannel>[] = phraseTable<IdentityChannel>([
  ["whatsapp", "whatsapp|whats app|whatsap|wpp|wsp|wasap|guasap|zap|zapzap|whats|wp"],
  ["slack", "slack"],
  ["email", "email|emails|e mail|e mails|mail|mails|correo|correos|correo electronico|gmail|por mail|inbox"],
]);

/** Turning something off, or sending less. */
export const OFF_VERBS = phraseList(
  "stop|stop sending|turn off|switch off|shut off|disable|mute|silence|pause|cancel|unsubscribe|no more|dont send|don t send|do not send|dont want|don t want|do not want|i dont want|i don t want|remove|drop|no need|" +
    "parar|para de mandar|para de enviar|deja de mandar|deja de enviar|deja de mandarme|deja de enviarme|dejen de mandar|no me mandes|no me envies|no mandes|no envies|no me manden|no quiero|ya no quiero|desactiva|desactivar|desactivame|" +
    "apaga|apagar|apagame|quita|quitar|quitame|saca|sacar|sacame|cancela|cancelar|cancelame|silencia|silenciar|pausa|pausar|deten|detener|basta de|sin|" +
    "pare|pare de|pare de mandar|pare de enviar|parar de|nao me mande|nao mande|nao envie|nao me envie|nao me manda|nao quero|desative|desativar|desliga|desligar|cancele|cancelar|tira|tirar|remove|remover|chega de|sem|silencie|pausar",
);

/** Turning something on again. */
export const ON_VERBS = phraseList(
  "turn on|switch on|enable|activate|resume|start sending|turn back on|reactivate|subscribe|activa|activar|activame|enciende|encender|prende|prender|reactiva|reactivar|vuelve a mandar|volve a mandar|volver a mandar|" +
    "ative|ativar|liga|ligar|religa|reative|reativar|volta a mandar|voltar a mandar|quero receber|quiero recibir|i want to get|i want to receive",
);

/** Moving a notification to other channels: the channels named become its only ones. */
export const MOVE_VERBS = phraseList("move|switch|change|pasa|pasame|pasar|mueve|mover|cambia|cambiar|cambiame|muda|mudar|passa|passar|troca|trocar|instead|en vez|en lugar|em vez|ao inves");

/** "Only in Slack", "solo por WhatsApp", "só no e-mail". */
export const ONLY_WORDS = phraseList("only|just|solo|solamente|unicamente|nada mas|so|somente|apenas|exclusively|exclusivamente");

/** A time of day said for alerts means quiet hours ("no alerts at night"). */
export const NIGHT_WORDS = phraseList("at night|overnight|night|nights|de noche|a la noche|por la noche|en la noche|durante la noche|de madrugada|a noite|de noite|a madrugada|de madrugada|durante a noite|while i sleep|mientras duermo|enquanto durmo|weekends|fines de semana");

/** Asking to see the settings rather than change them. */
export const SHOW_CUES = phraseList(
  "settings|setting|preferences|config|configuration|configured|set up|what are my|show me my|show my|which notifications|what notifications|" +
    "configuracion|configuraciones|configurado|configuradas|configurados|ajustes|preferencias|cuales son mis|mostrame mis|muestrame mis|que notificaciones|como tengo|mis notificaciones|" +
    "configuracoes|configuracao|configurado|configuradas|preferencias|quais sao minhas|quais notificacoes|minhas notificacoes|my notifications",
);

/** Asking when a notification comes: shows the settings, even of a word that alone means a data summary ("¿a qué hora me llega el resumen?"). */
export const ARRIVAL_CUES = phraseList(
  "when do i get|when will i get|when does|what time do i get|what time does|what time will|" +
    "cuando me llega|cuando llega|a que hora me llega|a que hora llega|a que hora me mandas|a que hora me envias|cuando me mandas|" +
    "quando chega|que horas chega|quando recebo|que horas recebo|que horas voce manda|quando voce manda|a que horas chega",
);

/** "why did you send me this?": a why word, a receiving verb and a pointer at the message. */
export const WHY_WORDS = phraseList("why|how come|por que|porque|por qu|pq|xq|para que|pra que");
export const RECEIVED_VERBS = phraseList(
  "send|sent|sending|get|got|getting|receive|received|receiving|alerted|notified|pinged|" +
    "mandaste|enviaste|mandas|envias|mandan|envian|mandaron|enviaron|llego|llega|llegan|recibi|recibo|recibimos|avisaste|avisas|me mandaste|me enviaste|" +
    "mandou|enviou|manda|envia|recebi|recebo|recebemos|chegou|chega|avisou|me mandou|me enviou",
);
export const THIS_WORDS = phraseList(
  "this|that|this one|these|this alert|this message|this notification|esto|eso|este|esta|ese|esa|este aviso|esta alerta|este mensaje|esta notificacion|isso|isto|esse|essa|este alerta|esse alerta|essa mensagem|essa notificacao",
);
/** What "this" may be: "this alert", "ese mensaje", "essa notificação". */
export const MESSAGE_WORDS = phraseList("alert|alerts|alerta|alertas|aviso|avisos|notification|notificacion|notificacao|message|mensaje|mensagem|digest|resumen|resumo|summary|insight|hallazgo|achado|ping");

/** "explain this alert", "qué es esta alerta", "o que é esse alerta". */
export const EXPLAIN_LEADS = phraseList("explain|explica|explicame|explique|explicar|what is|whats|what does|que es|que significa|que quiere decir|o que e|o que significa|what s|what means|what do you mean|de que se trata|sobre que es|about");

export type Verdict = "useful" | "not_useful";

export const FEEDBACK_PHRASES: readonly Phrase<Verdict>[] = phraseTable<Verdict>([
  [
    "not_useful",
    "not useful|not helpful|not relevant|useless|irrelevant|not interested|not for me|dont care|don t care|this is noise|noise|spam|not that useful|wasn t useful|wasnt useful|was not useful|" +
      "no me sirve|no me sirvio|no sirve|no sirvio|no es util|no fue util|no me es util|no me interesa|no aplica|no me aporta|no aporta|inutil|no me ayuda|no ayuda|no me importa|" +
      "nao e util|nao foi util|nao serve|nao serviu|nao me serve|nao me serviu|nao me interessa|nao ajuda|nao ajudou|inutil|irrelevante|nao e relevante|nao me importa",
  ],
  [
    "useful",
    "this was useful|that was useful|was useful|useful|very useful|super useful|really useful|helpful|very helpful|good alert|great alert|good catch|nice catch|great catch|good insight|great insight|" +
      "me sirvio|me sirve|muy util|super util|util|fue util|me fue util|me ayudo|buen aviso|buena alerta|excelente aviso|gran aviso|buen dato|" +
      "foi util|muito util|super util|me ajudou|me serviu|bom alerta|otimo alerta|bom aviso|otimo aviso|valeu o aviso",
  ],
]);

/** Words that may sit around a feedback phrase without making it about something else. */
export const FEEDBACK_FILLER: ReadonlySet<string> = new Set(
  (
    "this that it one was is really very so too at all the a an for me to thanks thank you ok okay honestly one kind of message alert notification insight digest ya ahi eso esto este esta ese esa era es fue muy nada para mi gracias " +
    "la el lo le un una aviso alerta mensaje notificacion resumen hallazgo realmente la verdad tan mucho pues bueno isso isto esse essa esta este foi e era nao muito pra mim obrigado obrigada o a um uma alerta aviso mensagem notificacao resumo achado " +
    "de del do da que really ese realmente nunca never mais more mas anymore"
  ).split(/\s+/),
);
