/**
 * Customer names and e-mail addresses. Addresses use the reserved example.* domains (RFC 2606) so a
 * demo can never e-mail a real person.
 */
import type { Rng } from "./random.ts";
import type { Market } from "./seasonality.ts";

const FIRST: Readonly<Record<Market, readonly string[]>> = {
  MX: [
    "María", "Guadalupe", "Fernanda", "Daniela", "Sofía", "Valeria", "Ximena", "Andrea", "Camila", "Mariana",
    "Alejandra", "Gabriela", "Paola", "Karla", "Diana", "Ana", "Lucía", "Regina", "Renata", "Natalia",
    "Itzel", "Jimena", "Montserrat", "Verónica", "Adriana", "José", "Juan", "Luis", "Carlos", "Jorge",
    "Miguel", "Alejandro", "Diego", "Ricardo", "Eduardo", "Fernando", "Javier", "Emiliano", "Santiago", "Iván",
  ],
  BR: [
    "Ana", "Maria", "Juliana", "Mariana", "Fernanda", "Camila", "Beatriz", "Larissa", "Amanda", "Bruna",
    "Gabriela", "Letícia", "Patrícia", "Aline", "Vanessa", "Carolina", "Isabela", "Luana", "Raquel", "Tatiane",
    "Júlia", "Helena", "Laura", "Manuela", "Débora", "Priscila", "Renata", "Lucas", "Gabriel", "Rafael",
    "Felipe", "Thiago", "Bruno", "Mateus", "Pedro", "Gustavo", "Leonardo", "Rodrigo", "Vinícius", "Diego",
  ],
};

const LAST: Readonly<Record<Market, readonly string[]>> = {
  MX: [
    "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz",
    "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz", "Gutiérrez", "Ruiz",
    "Mendoza", "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero", "Álvarez", "Méndez", "Chávez", "Rivera",
    "Juárez", "Ramos", "Domínguez", "Herrera", "Medina", "Castro", "Vargas", "Guzmán", "Velázquez", "Salazar",
  ],
  BR: [
    "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
    "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
    "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
    "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Pinto", "Correia", "Moura", "Cavalcanti",
  ],
};

const DOMAINS = ["example.com", "example.net", "example.org"] as const;

export interface PersonName {
  readonly name: string;
  readonly email: string;
}

/** A customer name (Mexicans usually carry both surnames) and a unique address derived from it. */
export function personName(market: Market, rng: Rng, serial: number): PersonName {
  const first = rng.pick(FIRST[market]);
  const last = rng.pick(LAST[market]);
  const second = rng.chance(market === "MX" ? 0.6 : 0.3) ? ` ${rng.pick(LAST[market])}` : "";
  const domain = DOMAINS[serial % DOMAINS.length]!;
  return { name: `${first} ${last}${second}`, email: `${asciiName(first)}.${asciiName(last)}${serial}@${domain}` };
}

const asciiNames = new Map<string, string>();

/** ascii() of a name from the lists above, computed once per name (there are a few dozen). */
function asciiName(name: string): string {
  let cached = asciiNames.get(name);
  if (cached === undefined) {
    cached = ascii(name);
    asciiNames.set(name, cached);
  }
  return cached;
}

/** Lower-case ASCII for e-mail local parts: "Vázquez" → "vazquez". */
export function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}
