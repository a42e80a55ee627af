/**
 * The shared concepts of a small online shop's conversations, each with its words in English,
 * Spanish and Portuguese (any inflection: they are matched by stem). A message that says "rebajas
 * de verano" and one that says "summer sale" both get the concepts `promotion` and `summer`, which is
 * what lets paraphrases across the three languages find each other without a trained model.
 *
 * A form may belong to several concepts when it is ambiguous ("sale": a promotion, or sales; "meta":
 * the ad platform, or a goal); its weight is then shared between them. Forms of several words are
 * matched on consecutive words, function words included ("out of stock", "dia das mães").
 *
 * Written from the product's domain (the demo stores sell clothes in Mexico and cosmetics in
 * Brazil; the agents talk about sales, orders, ads, stock, prices, suppliers), not from the
 * paraphrase benchmark. Adding a concept changes vectors: bump OFFLINE_LEXICAL_ID's version.
 */
export const CONCEPTS: Readonly<Record<string, string>> = {
  // Selling and money
  sales: "sales|sale|sell|sold|selling|venta|ventas|vender|vendimos|vendido|venda|vendas|vendemos|vendeu|faturamento|facturacion|facturamos|faturamos|revenue|ingresos|ingreso|receita|turnover|income",
  profit: "profit|profits|margin|margins|margen|margenes|margem|lucro|lucros|ganancia|ganancias|beneficio|rentabilidad|rentabilidade|markup",
  cost: "cost|costs|costo|costos|coste|custo|custos|expense|expenses|gasto|gastos|despesa|despesas",
  price: "price|prices|pricing|priced|precio|precios|preco|precos|valor|tarifa|charge|cobrar|cobramos",
  raise: "raise|raised|increase|increased|higher|hike|up|subir|subimos|sube|suba|aumentar|aumentamos|aumento|aumentou|encarecer|reajuste|reajustar",
  lower: "lower|lowered|reduce|reduced|decrease|decreased|cut|drop|dropped|bajar|bajamos|baja|bajo|reducir|reducimos|rebajar|baixar|baixamos|baixou|reduzir|reduzimos|diminuir|queda|caida|cayeron|cairam",
  discount: "discount|discounts|descuento|descuentos|desconto|descontos|coupon|cupon|cupones|cupom|cupons|voucher|off|markdown|codigo de descuento|codigo de desconto",
  promotion: "sale|promo|promos|promotion|promocion|promocao|oferta|ofertas|offer|deal|deals|rebajas|liquidacion|liquidacao|saldao|queima de estoque|black friday|cyber monday|hot sale|buen fin|flash sale",
  free: "free|gratis|gratuito|gratuita|gratuitos",
  tax: "tax|taxes|vat|impuesto|impuestos|iva|imposto|impostos|icms",
  payment: "payment|payments|pay|paid|pago|pagos|pagar|pagamento|pagamentos|pix|boleto|card|tarjeta|cartao|installments|cuotas|meses sin intereses|parcelas|parcelado|invoice|factura|fatura",
  cheap: "cheap|cheaper|undercut|undercutting|barato|barata|baratos|affordable|economico",
  expensive: "expensive|pricey|caro|cara|caros|costoso",
  // Orders and customers
  order: "order|orders|ordered|pedido|pedidos|orden|ordenes|encomenda|encomendas",
  purchase: "buy|bought|purchase|purchases|compra|compras|comprar|compraron|compraram|comprou|checkout",
  customer: "customer|customers|client|clients|cliente|clientes|buyer|buyers|comprador|compradores|shopper|shoppers|consumidor|consumidores|consumer",
  repeat: "repeat|returning|recurring|recurrente|recurrentes|recorrente|recorrentes|frequent|frecuente|frecuentes|frequente|frequentes|loyal|fieles|fieis|loyalty|fidelidad|fidelizacao|fidelidade|rewards|puntos|pontos",
  refund: "refund|refunds|refunded|return|returns|returned|exchange|exchanges|reembolso|reembolsos|reembolsar|devolucion|devoluciones|devolver|devolucao|devolucoes|estorno|troca|trocas|cambio de talla",
  complaint: "complaint|complaints|complain|queja|quejas|reclamo|reclamos|reclamacao|reclamacoes|reclamou|angry|enojado|bravo|unhappy|molesto|chateado",
  review: "review|reviews|rating|ratings|resena|resenas|opinion|opiniones|avaliacao|avaliacoes|feedback|comentario|comentarios|estrellas|estrelas|stars",
  defect: "defect|defective|damaged|broken|roto|rota|danado|defectuoso|quebrado|quebrada|danificado|defeituoso|stain|mancha|torn",
  // Shipping and stock
  shipping: "shipping|ship|shipped|shipment|delivery|deliver|delivered|envio|envios|enviar|enviamos|entrega|entregas|entregar|frete|courier|paqueteria|mensajeria|transportadora|correios|despacho|dhl|fedex|estafeta",
  late: "late|delay|delayed|delays|retraso|retrasos|retrasado|atrasado|atraso|atrasos|demora|demorou|tarde",
  stock: "stock|inventory|inventario|estoque|existencias|units|unidades|warehouse|almacen|armazem|deposito|bodega",
  stockout: "out of stock|sold out|run out|running out|ran out|agotado|agotados|agotar|agoto|esgotado|esgotados|esgotar|esgotou|sin stock|sem estoque|se acabo|acabou",
  restock: "restock|restocking|reorder|replenish|reponer|reposicion|repor|reposicao|resurtir|resurtido",
  supplier: "supplier|suppliers|vendor|vendors|provider|proveedor|proveedores|fornecedor|fornecedores|distributor|distribuidor|distribuidora|manufacturer|fabricante|factory|fabrica|maquila|laboratorio",
  packaging: "packaging|package|packages|packing|pack|box|boxes|embalagem|embalagens|embalar|caixa|caixas|empaque|empaques|empacar|caja|cajas|parcel|parcels|paquete|pacote",
  policy: "policy|policies|politica|politicas|rule|rules|regla|reglas|regra|regras",
  fee: "fee|fees|commission|comision|comissao|rate|rates|tarifa|tarifas",
  wholesale: "wholesale|mayorista|mayoreo|atacado|atacadista|bulk|granel",
  // Marketing
  campaign: "campaign|campaigns|campana|campanas|campanha|campanhas",
  ads: "ad|ads|advert|adverts|advertising|anuncio|anuncios|publicidad|publicidade|pauta|paid media|trafego pago|boost|impulsar|impulsionar",
  meta: "meta|facebook|instagram|fb|ig|reels",
  google: "google|adwords|youtube",
  tiktok: "tiktok",
  email: "email|emails|mail|newsletter|correo|correos|boletin|mailing|e mail",
  whatsapp: "whatsapp|wpp|zap|whats",
  budget: "budget|budgets|presupuesto|presupuestos|orcamento|orcamentos|spend|spending|invertir|inversion|investir|investimento|verba",
  roas: "roas|roi|return on ad spend|retorno|cpa|cpc|cac",
  audience: "audience|audiences|audiencia|publico|segment|segmento|targeting|lookalike",
  influencer: "influencer|influencers|collab|collaboration|colaboracion|parceria|publi|influenciador|influenciadora|influenciadores|creator|creators|creadora|creadores|criadora|blogger|ugc",
  content: "content|contenido|conteudo|post|posts|publicacion|postagem|video|videos|photo|photos|foto|fotos|picture|pictures|photoshoot|photographer|fotografo|fotografa|fotografia|sesion de fotos|sessao de fotos|story|stories",
  traffic: "traffic|trafico|trafego|visits|visitas|visitors|visitantes|sessions|sesiones|sessoes|clicks|clics|cliques",
  conversion: "conversion|conversions|conversion rate|tasa de conversion|taxa de conversao|convierte|converte",
  cart: "cart|carts|carrito|carritos|carrinho|carrinhos|abandoned|abandonado|abandonados",
  website: "website|site|sitio|pagina|web|tienda en linea|loja virtual|landing|shopify|online store|ecommerce",
  marketplace: "marketplace|amazon|mercadolibre|mercado libre|mercado livre|shopee|magalu",
  competitor: "competitor|competitors|competition|compete|competing|competir|undercut|undercutting|competencia|competidor|competidores|concorrente|concorrentes|concorrencia|rival|rivals",
  launch: "launch|launched|launching|lanzar|lanzamos|lanzamiento|lancar|lancamos|lancamento|release|drop|estreno|nueva coleccion|nova colecao",
  collection: "collection|collections|coleccion|colecciones|colecao|colecoes|line|linea|linha",
  bundle: "bundle|bundles|combo|combos|kit|kits|pack|paquete|pacote",
  gift: "gift|gifts|regalo|regalos|presente|presentes|brinde|brindes|freebie|sample|muestra|amostra",
  subscription: "subscription|subscriptions|subscribe|subscriber|subscribers|suscripcion|suscriptores|assinatura|assinaturas|assinante|assinantes|membership|plan mensual|plano mensal",
  // Decisions and work
  decide: "decide|decided|decision|decisions|decidir|decidimos|decidio|decision final|decidiu|decisao|decisoes|agree|agreed|acordamos|acuerdo|combinamos|combinado|settled|choose|chose|elegimos|escolhemos|definimos|resolvemos|go with|quedamos",
  approve: "approve|approved|approval|aprobar|aprobado|aprobada|aprobamos|aprovar|aprovado|aprovada|aprovamos|authorize|autorizar|autorizado|autorizamos|sign off|signed off|green light|visto bueno|luz verde",
  cancel: "cancel|cancelled|canceled|cancelar|cancelamos|cancelado|pause|paused|pausar|pausamos|pausado|stop|stopped|parar|paramos|detener|suspender|suspendemos|kill|apagar|desligar|turn off",
  plan: "plan|plans|planned|planear|planeamos|planejar|planejamos|schedule|scheduled|programar|programamos|agendar|agendamos|calendar|calendario",
  team: "team|equipo|equipe|staff|employee|employees|empleado|empleados|funcionario|funcionarios|colaborador|colaboradores|hire|contratar",
  meeting: "meeting|meetings|reunion|reuniones|reuniao|reunioes|call|llamada|ligacao|chamada|junta",
  report: "report|reports|reporte|informe|relatorio|relatorios|dashboard|summary|resumen|resumo|numbers|numeros",
  goal: "goal|goals|target|targets|objetivo|objetivos|meta|metas|quota|cuota",
  growth: "grow|grew|growth|growing|crecer|crecimos|crecimiento|crescer|crescemos|crescimento|cresceu",
  contract: "contract|contracts|contrato|contratos|terms|condiciones|condicoes|negotiate|negociar|negociamos|negociacao|negociacion",
  // Seasons and dates owners plan around
  summer: "summer|verano|verao",
  winter: "winter|invierno|inverno",
  spring: "spring|primavera",
  autumn: "autumn|fall|otono|outono",
  christmas: "christmas|xmas|navidad|navidena|natal|natalina|holidays|fiestas decembrinas|fim de ano|fin de ano",
  mothers_day: "mothers day|mother s day|dia de las madres|dia de la madre|10 de mayo|dia das maes",
  fathers_day: "fathers day|father s day|dia del padre|dia do pai|dia dos pais",
  valentines: "valentine|valentines|san valentin|dia del amor|dia dos namorados",
  back_to_school: "back to school|regreso a clases|volta as aulas",
  // Products the demo stores sell
  tshirt: "tshirt|t shirt|tee|tees|playera|playeras|camiseta|camisetas|remera|remeras|polo",
  jeans: "jeans|denim|pants|pantalon|pantalones|calca|calcas|mezclilla",
  dress: "dress|dresses|vestido|vestidos",
  shoes: "shoes|sneakers|tenis|zapatos|sapatos|sandals|sandalias|boots|botas",
  serum: "serum|serums|vitamin c|vitamina c",
  perfume: "perfume|perfumes|fragrance|fragancia|fragrancia|colonia",
  lipstick: "lipstick|lipsticks|labial|labiales|batom|batons",
  sunscreen: "sunscreen|sunblock|spf|protector solar|bloqueador|protetor solar",
  moisturizer: "moisturizer|moisturiser|cream|crema|creme|hidratante|lotion|locion|locao",
  shampoo: "shampoo|champu|xampu|conditioner|acondicionador|condicionador",
  size: "size|sizes|talla|tallas|tamano|tamanho|tamanhos|small|medium|large|chica|mediana|grande",
  colour: "color|colour|colors|colores|cor|cores|black|negro|preto|white|blanco|branco|red|rojo|vermelho|blue|azul|green|verde",
  product: "product|products|producto|productos|produto|produtos|item|items|articulo|articulos|sku|skus|merchandise|mercancia|mercadoria",
  // When (weak: recall questions say "yesterday" about a message that never did)
  week: "week|weeks|weekly|semana|semanas|semanal|weekend|fin de semana|fim de semana",
  month: "month|months|monthly|mes|meses|mensual|mensal",
  year: "year|years|ano|anos|annual|anual",
  quarter: "quarter|quarterly|trimestre|trimestral|q1|q2|q3|q4",
};

/**
 * Concepts weighted down: when rather than what, variant details, and the nouns that nearly every
 * message of a shop mentions (an IDF prior: sharing "order" or "customer" says little).
 */
export const WEAK_CONCEPTS: ReadonlyMap<string, number> = new Map([
  ["week", 0.5], ["month", 0.5], ["year", 0.5], ["colour", 0.5], ["size", 0.5],
  ["order", 0.6], ["customer", 0.6], ["product", 0.6], ["sales", 0.7],
]);
