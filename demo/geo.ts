/**
 * Where customers live. Weights are census population (millions: INEGI 2020, IBGE 2022) times an
 * online-shopping factor, because e-commerce over-indexes in the big metro areas (CDMX, Monterrey,
 * São Paulo, Brasília) and under-indexes in the rural south of Mexico and the north of Brazil.
 */
import { WeightedTable } from "./random.ts";
import type { Market } from "./seasonality.ts";

export interface Place {
  readonly country: string;
  readonly state: string;
  readonly city: string;
}

/** [state, population (millions), online factor, cities (most populous first)] */
type StateRow = readonly [string, number, number, readonly string[]];

const MX: readonly StateRow[] = [
  ["Estado de México", 16.99, 1.1, ["Ecatepec", "Naucalpan", "Nezahualcóyotl", "Toluca", "Tlalnepantla"]],
  ["Ciudad de México", 9.21, 1.8, ["Ciudad de México"]],
  ["Jalisco", 8.35, 1.3, ["Guadalajara", "Zapopan", "Tlaquepaque", "Puerto Vallarta"]],
  ["Veracruz", 8.06, 0.75, ["Veracruz", "Xalapa", "Coatzacoalcos"]],
  ["Puebla", 6.58, 0.9, ["Puebla", "Tehuacán"]],
  ["Guanajuato", 6.17, 0.95, ["León", "Irapuato", "Celaya", "Guanajuato"]],
  ["Nuevo León", 5.78, 1.5, ["Monterrey", "Guadalupe", "San Nicolás de los Garza", "Apodaca", "San Pedro Garza García"]],
  ["Chiapas", 5.54, 0.5, ["Tuxtla Gutiérrez", "Tapachula"]],
  ["Michoacán", 4.75, 0.75, ["Morelia", "Uruapan"]],
  ["Oaxaca", 4.13, 0.55, ["Oaxaca de Juárez", "Salina Cruz"]],
  ["Baja California", 3.77, 1.1, ["Tijuana", "Mexicali", "Ensenada"]],
  ["Chihuahua", 3.74, 1.0, ["Ciudad Juárez", "Chihuahua"]],
  ["Guerrero", 3.54, 0.6, ["Acapulco", "Chilpancingo"]],
  ["Tamaulipas", 3.53, 0.95, ["Reynosa", "Matamoros", "Tampico", "Nuevo Laredo"]],
  ["Coahuila", 3.15, 1.0, ["Saltillo", "Torreón", "Monclova"]],
  ["Hidalgo", 3.08, 0.85, ["Pachuca", "Tulancingo"]],
  ["Sinaloa", 3.03, 0.95, ["Culiacán", "Mazatlán", "Los Mochis"]],
  ["Sonora", 2.94, 1.0, ["Hermosillo", "Ciudad Obregón", "Nogales"]],
  ["San Luis Potosí", 2.82, 0.85, ["San Luis Potosí", "Ciudad Valles"]],
  ["Tabasco", 2.4, 0.8, ["Villahermosa"]],
  ["Querétaro", 2.37, 1.3, ["Querétaro", "San Juan del Río"]],
  ["Yucatán", 2.32, 1.0, ["Mérida", "Valladolid"]],
  ["Morelos", 1.97, 0.95, ["Cuernavaca", "Jiutepec"]],
  ["Quintana Roo", 1.86, 1.1, ["Cancún", "Playa del Carmen", "Chetumal"]],
  ["Durango", 1.83, 0.8, ["Durango", "Gómez Palacio"]],
  ["Zacatecas", 1.62, 0.7, ["Zacatecas", "Fresnillo"]],
  ["Aguascalientes", 1.43, 1.05, ["Aguascalientes"]],
  ["Tlaxcala", 1.34, 0.7, ["Tlaxcala", "Apizaco"]],
  ["Nayarit", 1.24, 0.8, ["Tepic", "Bahía de Banderas"]],
  ["Campeche", 0.93, 0.75, ["Campeche", "Ciudad del Carmen"]],
  ["Baja California Sur", 0.8, 1.1, ["La Paz", "Los Cabos"]],
  ["Colima", 0.73, 0.9, ["Colima", "Manzanillo"]],
];

const BR: readonly StateRow[] = [
  ["São Paulo", 44.41, 1.4, ["São Paulo", "Campinas", "Guarulhos", "Santo André", "Ribeirão Preto", "Santos", "Sorocaba"]],
  ["Minas Gerais", 20.54, 1.0, ["Belo Horizonte", "Uberlândia", "Contagem", "Juiz de Fora"]],
  ["Rio de Janeiro", 16.05, 1.2, ["Rio de Janeiro", "São Gonçalo", "Niterói", "Duque de Caxias", "Nova Iguaçu"]],
  ["Bahia", 14.14, 0.75, ["Salvador", "Feira de Santana", "Vitória da Conquista"]],
  ["Paraná", 11.44, 1.15, ["Curitiba", "Londrina", "Maringá", "Ponta Grossa"]],
  ["Rio Grande do Sul", 10.88, 1.1, ["Porto Alegre", "Caxias do Sul", "Pelotas", "Canoas"]],
  ["Pernambuco", 9.06, 0.8, ["Recife", "Jaboatão dos Guararapes", "Olinda"]],
  ["Ceará", 8.79, 0.8, ["Fortaleza", "Caucaia", "Juazeiro do Norte"]],
  ["Pará", 8.12, 0.6, ["Belém", "Ananindeua", "Santarém"]],
  ["Santa Catarina", 7.61, 1.2, ["Joinville", "Florianópolis", "Blumenau", "São José"]],
  ["Goiás", 7.06, 1.0, ["Goiânia", "Aparecida de Goiânia", "Anápolis"]],
  ["Maranhão", 6.78, 0.55, ["São Luís", "Imperatriz"]],
  ["Paraíba", 3.97, 0.7, ["João Pessoa", "Campina Grande"]],
  ["Amazonas", 3.94, 0.65, ["Manaus"]],
  ["Espírito Santo", 3.83, 1.05, ["Serra", "Vila Velha", "Vitória", "Cariacica"]],
  ["Mato Grosso", 3.66, 0.95, ["Cuiabá", "Várzea Grande", "Rondonópolis"]],
  ["Rio Grande do Norte", 3.3, 0.75, ["Natal", "Mossoró"]],
  ["Piauí", 3.27, 0.6, ["Teresina", "Parnaíba"]],
  ["Alagoas", 3.13, 0.65, ["Maceió", "Arapiraca"]],
  ["Distrito Federal", 2.82, 1.45, ["Brasília"]],
  ["Mato Grosso do Sul", 2.76, 1.0, ["Campo Grande", "Dourados"]],
  ["Sergipe", 2.21, 0.7, ["Aracaju"]],
  ["Rondônia", 1.58, 0.7, ["Porto Velho", "Ji-Paraná"]],
  ["Tocantins", 1.51, 0.7, ["Palmas", "Araguaína"]],
  ["Acre", 0.83, 0.55, ["Rio Branco"]],
  ["Amapá", 0.73, 0.55, ["Macapá"]],
  ["Roraima", 0.64, 0.55, ["Boa Vista"]],
];

/** Places of a market with sampling weights; cities share their state's weight, the first one most. */
export function placesOf(market: Market): WeightedTable<Place> {
  const rows = marketRows(market);
  const places: Place[] = [];
  const weights: number[] = [];
  for (const [state, population, online, cities] of rows) {
    // The first city (the capital or metro core) takes about half of its state's orders.
    const cityWeights = cities.map((_, i) => (i === 0 ? 1 : 0.8 / i));
    const sum = cityWeights.reduce((acc, w) => acc + w, 0);
    cities.forEach((city, i) => {
      places.push({ country: market, state, city });
      weights.push((population * online * cityWeights[i]!) / sum);
    });
  }
  return new WeightedTable(places, weights);
}

function marketRows(market: Market): readonly StateRow[] {
  switch (market) {
    case "MX":
      return MX;
    case "BR":
      return BR;
  }
}
