/** Words that open a follow-up ("¿y en septiembre?", "and by category", "e só Instagram?", "what about orders?"). */
import { phraseList } from "../phrases.ts";

export const FOLLOW_UP_LEADS = phraseList(
  "y|e|and|what about|how about|and what about|y que tal|y que hay de|e quanto a|e sobre|and for|and in|and by|and the|and now|also|tambien|tambem|too|only|solo|solamente|just|apenas|so|now|ahora|agora|same|lo mismo|o mesmo|the same|same thing|" +
    "what if|y si|e se|pero|but|instead|en cambio|em vez|mejor|better|ok y|ok e|ok and|dale y|bueno y|and if|y para|e para|and then|y ahora|e agora|y eso|e isso|y comparado|vs|versus|contra|compared|comparado|ahora por|now by|and per|ahora solo|now only|agora so|e por|y por",
);

/** Words that make a message a complete question of its own ("cuánto", "how much", "show me"). */
export const QUESTION_WORDS = phraseList(
  "cuanto|cuantos|cuantas|how much|how many|what|what was|what were|which|show|show me|give me|tell me|dame|mostrame|muestrame|decime|dime|quiero saber|quiero ver|quero ver|quero saber|me mostra|mostra|mostre|me da|me de|quanto|quantos|quantas|qual|quais|cual|cuales|como|how|que|list|lista|listar|ver|see|check|revisa|revisar|analiza|analyze|analise",
);
