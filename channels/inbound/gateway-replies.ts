/** The gateway's own short replies, in the person's language: not answers, so no numbers and no model. */
import type { Language } from "../../agents/shared/language.ts";

export type GatewayReply = "unknown_sender" | "rate_limited" | "not_text" | "turn_failed" | "action_expired";

const REPLIES: Readonly<Record<GatewayReply, Readonly<Record<Language, string>>>> = {
  unknown_sender: {
    en: "Hi! I don't recognise this address yet, so I can't share any business data here. Ask your workspace owner to add you (bizos members link).",
    es: "¡Hola! Todavía no reconozco esta dirección, así que no puedo compartir datos del negocio por aquí. Pide al dueño de tu espacio de trabajo que te agregue (bizos members link).",
    pt: "Olá! Ainda não reconheço este endereço, então não posso compartilhar dados do negócio por aqui. Peça ao dono do seu espaço de trabalho para adicionar você (bizos members link).",
  },
  rate_limited: {
    en: "You're sending messages faster than I can keep up with. Give me a minute, then ask again.",
    es: "Estás enviando mensajes más rápido de lo que puedo atender. Dame un minuto y vuelve a preguntar.",
    pt: "Você está enviando mensagens mais rápido do que consigo acompanhar. Me dê um minuto e pergunte de novo.",
  },
  not_text: {
    en: "I can only read text messages for now. Could you type your question?",
    es: "Por ahora solo puedo leer mensajes de texto. ¿Me escribes tu pregunta?",
    pt: "Por enquanto só consigo ler mensagens de texto. Pode digitar sua pergunta?",
  },
  turn_failed: {
    en: "Sorry, something went wrong answering that. Please try again in a moment.",
    es: "Perdón, algo salió mal al responder eso. Intenta de nuevo en un momento.",
    pt: "Desculpe, algo deu errado ao responder isso. Tente de novo daqui a pouco.",
  },
  action_expired: {
    en: "That button is no longer active: nothing was changed.",
    es: "Ese botón ya no está activo: no se cambió nada.",
    pt: "Esse botão não está mais ativo: nada foi alterado.",
  },
};

export function gatewayReply(reply: GatewayReply, language: Language): string {
  return REPLIES[reply][language];
}
